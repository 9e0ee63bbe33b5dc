// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate
// in the parent package); edit ../types.go instead.

// Package synthea models synthea_fhir.json: a FHIR transaction Bundle of 926
// heterogeneous resources (Observation, Procedure, Claim, Patient, ...).
//
// The envelope is typed: the bundle, its entries and requests, and the fields
// that most resource types share (id, status, subject, code, category,
// effectiveDateTime, valueQuantity, ...) with the FHIR data types they hold
// (Reference, CodeableConcept, Coding, Period, Quantity). The fields specific
// to one or a few resource types are any: they hold what decoding produces
// (map[string]any, []any, string, float64, bool).
//
// This file is the single source of the types: ./jd/types.go is a copy made by
// cmd/copytypes (go generate), on which jsondump generates its methods, so that
// the peers here keep measuring encoding/json's reflection path.
package jdm

// Bundle is the root.
//
//jsondump:json
type Bundle struct {
	ResourceType string  `json:"resourceType"`
	Type         string  `json:"type"`
	Entry        []Entry `json:"entry"`
}

// Entry is one resource of the bundle and how to store it.
//
//jsondump:json
type Entry struct {
	FullURL  string   `json:"fullUrl"`
	Resource Resource `json:"resource"`
	Request  Request  `json:"request"`
}

// Request is how the server is to store an entry.
//
//jsondump:json
type Request struct {
	Method string `json:"method"`
	URL    string `json:"url"`
}

// Resource is any FHIR resource: the common fields typed, the rest dynamic.
//
//jsondump:json
type Resource struct {
	ResourceType      string            `json:"resourceType"`
	ID                string            `json:"id"`
	Status            string            `json:"status,omitempty"`
	Use               string            `json:"use,omitempty"`
	Category          []CodeableConcept `json:"category,omitempty"`
	Code              *CodeableConcept  `json:"code,omitempty"`
	Subject           *Reference        `json:"subject,omitempty"`
	Patient           *Reference        `json:"patient,omitempty"`
	Encounter         *Reference        `json:"encounter,omitempty"`
	Provider          *Reference        `json:"provider,omitempty"`
	Period            *Period           `json:"period,omitempty"`
	PerformedPeriod   *Period           `json:"performedPeriod,omitempty"`
	BillablePeriod    *Period           `json:"billablePeriod,omitempty"`
	Created           string            `json:"created,omitempty"`
	EffectiveDateTime string            `json:"effectiveDateTime,omitempty"`
	Issued            string            `json:"issued,omitempty"`
	ValueQuantity     *Quantity         `json:"valueQuantity,omitempty"`
	ReasonReference   []Reference       `json:"reasonReference,omitempty"`
	Result            []Reference       `json:"result,omitempty"`

	// Specific to some resource types.
	Text                      any `json:"text,omitempty"`
	Extension                 any `json:"extension,omitempty"`
	Identifier                any `json:"identifier,omitempty"`
	Name                      any `json:"name,omitempty"`
	Telecom                   any `json:"telecom,omitempty"`
	Gender                    any `json:"gender,omitempty"`
	BirthDate                 any `json:"birthDate,omitempty"`
	DeceasedDateTime          any `json:"deceasedDateTime,omitempty"`
	Address                   any `json:"address,omitempty"`
	MaritalStatus             any `json:"maritalStatus,omitempty"`
	MultipleBirthBoolean      any `json:"multipleBirthBoolean,omitempty"`
	Communication             any `json:"communication,omitempty"`
	Active                    any `json:"active,omitempty"`
	Type                      any `json:"type,omitempty"`
	Class                     any `json:"class,omitempty"`
	Participant               any `json:"participant,omitempty"`
	ServiceProvider           any `json:"serviceProvider,omitempty"`
	ClinicalStatus            any `json:"clinicalStatus,omitempty"`
	VerificationStatus        any `json:"verificationStatus,omitempty"`
	OnsetDateTime             any `json:"onsetDateTime,omitempty"`
	RecordedDate              any `json:"recordedDate,omitempty"`
	Priority                  any `json:"priority,omitempty"`
	Diagnosis                 any `json:"diagnosis,omitempty"`
	Insurance                 any `json:"insurance,omitempty"`
	Item                      any `json:"item,omitempty"`
	Total                     any `json:"total,omitempty"`
	Contained                 any `json:"contained,omitempty"`
	Insurer                   any `json:"insurer,omitempty"`
	Referral                  any `json:"referral,omitempty"`
	Claim                     any `json:"claim,omitempty"`
	Outcome                   any `json:"outcome,omitempty"`
	CareTeam                  any `json:"careTeam,omitempty"`
	Payment                   any `json:"payment,omitempty"`
	ReasonCode                any `json:"reasonCode,omitempty"`
	ManagingOrganization      any `json:"managingOrganization,omitempty"`
	Intent                    any `json:"intent,omitempty"`
	Addresses                 any `json:"addresses,omitempty"`
	Activity                  any `json:"activity,omitempty"`
	MedicationCodeableConcept any `json:"medicationCodeableConcept,omitempty"`
	AuthoredOn                any `json:"authoredOn,omitempty"`
	Requester                 any `json:"requester,omitempty"`
	Prescription              any `json:"prescription,omitempty"`
	LifecycleStatus           any `json:"lifecycleStatus,omitempty"`
	AchievementStatus         any `json:"achievementStatus,omitempty"`
	Description               any `json:"description,omitempty"`
	Goal                      any `json:"goal,omitempty"`
	AbatementDateTime         any `json:"abatementDateTime,omitempty"`
	DosageInstruction         any `json:"dosageInstruction,omitempty"`
	Started                   any `json:"started,omitempty"`
	NumberOfSeries            any `json:"numberOfSeries,omitempty"`
	NumberOfInstances         any `json:"numberOfInstances,omitempty"`
	Series                    any `json:"series,omitempty"`
	Procedure                 any `json:"procedure,omitempty"`
	VaccineCode               any `json:"vaccineCode,omitempty"`
	OccurrenceDateTime        any `json:"occurrenceDateTime,omitempty"`
	PrimarySource             any `json:"primarySource,omitempty"`
	SupportingInfo            any `json:"supportingInfo,omitempty"`
	Component                 any `json:"component,omitempty"`
	ValueCodeableConcept      any `json:"valueCodeableConcept,omitempty"`
}

// Reference points at another resource.
//
//jsondump:json
type Reference struct {
	Reference string `json:"reference"`
	Display   string `json:"display,omitempty"`
}

// CodeableConcept is a concept from one or more terminologies.
//
//jsondump:json
type CodeableConcept struct {
	Coding []Coding `json:"coding"`
	Text   string   `json:"text,omitempty"`
}

// Coding is a code from a terminology.
//
//jsondump:json
type Coding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// Period is a time range; End is absent while it is open.
//
//jsondump:json
type Period struct {
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
}

// Quantity is a measured amount.
//
//jsondump:json
type Quantity struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	System string  `json:"system"`
	Code   string  `json:"code"`
}
