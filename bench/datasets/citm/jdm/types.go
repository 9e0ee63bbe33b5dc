// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate
// in the parent package); edit ../types.go instead.

// Package citm models citm_catalog.json: a ticketing catalogue of events and
// performances. The *Names objects and events are keyed by numeric ids, so they
// are maps with int64 keys (encoding/json sorts them by their decimal text);
// the fields that are null in the data but are strings in the schema are
// *string.
//
// This file is the single source of the types: ./jd/types.go is a copy made by
// cmd/copytypes (go generate), on which jsondump generates its methods, so that
// the peers here keep measuring encoding/json's reflection path.
package jdm

// Catalog is the root.
//
//jsondump:json
type Catalog struct {
	AreaNames                map[int64]string  `json:"areaNames"`
	AudienceSubCategoryNames map[int64]string  `json:"audienceSubCategoryNames"`
	BlockNames               map[int64]string  `json:"blockNames"`
	Events                   map[int64]Event   `json:"events"`
	Performances             []Performance     `json:"performances"`
	SeatCategoryNames        map[int64]string  `json:"seatCategoryNames"`
	SubTopicNames            map[int64]string  `json:"subTopicNames"`
	SubjectNames             map[int64]string  `json:"subjectNames"`
	TopicNames               map[int64]string  `json:"topicNames"`
	TopicSubTopics           map[int64][]int64 `json:"topicSubTopics"`
	VenueNames               map[string]string `json:"venueNames"`
}

// Event is one event of the catalogue.
//
//jsondump:json
type Event struct {
	Description *string `json:"description"`
	ID          int64   `json:"id"`
	Logo        *string `json:"logo"`
	Name        string  `json:"name"`
	SubTopicIDs []int64 `json:"subTopicIds"`
	SubjectCode *string `json:"subjectCode"`
	Subtitle    *string `json:"subtitle"`
	TopicIDs    []int64 `json:"topicIds"`
}

// Performance is one date of an event, with its prices and seating.
//
//jsondump:json
type Performance struct {
	EventID        int64          `json:"eventId"`
	ID             int64          `json:"id"`
	Logo           *string        `json:"logo"`
	Name           *string        `json:"name"`
	Prices         []Price        `json:"prices"`
	SeatCategories []SeatCategory `json:"seatCategories"`
	SeatMapImage   *string        `json:"seatMapImage"`
	Start          int64          `json:"start"`
	VenueCode      string         `json:"venueCode"`
}

// Price is the price of a seat category for an audience.
//
//jsondump:json
type Price struct {
	Amount                int64 `json:"amount"`
	AudienceSubCategoryID int64 `json:"audienceSubCategoryId"`
	SeatCategoryID        int64 `json:"seatCategoryId"`
}

// SeatCategory lists the areas of a seat category.
//
//jsondump:json
type SeatCategory struct {
	Areas          []Area `json:"areas"`
	SeatCategoryID int64  `json:"seatCategoryId"`
}

// Area is an area of the venue.
//
//jsondump:json
type Area struct {
	AreaID   int64   `json:"areaId"`
	BlockIDs []int64 `json:"blockIds"`
}
