// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate
// in the parent package); edit ../types.go instead.

// Package twitter models twitter_status.json: a search API response of 100
// statuses, 73 of them retweets that embed the retweeted status.
//
// Nullable fields are pointers; fields that are absent in some statuses have
// omitempty (pointers where the zero value occurs in the data, as for
// possibly_sensitive: false); geo, coordinates, place and contributors are null
// throughout, so they are any, as is the element type of the always-empty
// symbols array.
//
// This file is the single source of the types: ./jd/types.go is a copy made by
// cmd/copytypes (go generate), on which jsondump generates its methods, so that
// the peers here keep measuring encoding/json's reflection path.
package jdm

// Root is the root: the statuses and the search metadata.
//
//jsondump:json
type Root struct {
	Statuses       []Status       `json:"statuses"`
	SearchMetadata SearchMetadata `json:"search_metadata"`
}

// Status is a tweet.
//
//jsondump:json
type Status struct {
	Metadata             Metadata `json:"metadata"`
	CreatedAt            string   `json:"created_at"`
	ID                   int64    `json:"id"`
	IDStr                string   `json:"id_str"`
	Text                 string   `json:"text"`
	Source               string   `json:"source"`
	Truncated            bool     `json:"truncated"`
	InReplyToStatusID    *int64   `json:"in_reply_to_status_id"`
	InReplyToStatusIDStr *string  `json:"in_reply_to_status_id_str"`
	InReplyToUserID      *int64   `json:"in_reply_to_user_id"`
	InReplyToUserIDStr   *string  `json:"in_reply_to_user_id_str"`
	InReplyToScreenName  *string  `json:"in_reply_to_screen_name"`
	User                 User     `json:"user"`
	Geo                  any      `json:"geo"`
	Coordinates          any      `json:"coordinates"`
	Place                any      `json:"place"`
	Contributors         any      `json:"contributors"`
	RetweetedStatus      *Status  `json:"retweeted_status,omitempty"`
	RetweetCount         int      `json:"retweet_count"`
	FavoriteCount        int      `json:"favorite_count"`
	Entities             Entities `json:"entities"`
	Favorited            bool     `json:"favorited"`
	Retweeted            bool     `json:"retweeted"`
	PossiblySensitive    *bool    `json:"possibly_sensitive,omitempty"`
	Lang                 string   `json:"lang"`
}

// Metadata is a status's search metadata.
//
//jsondump:json
type Metadata struct {
	ResultType      string `json:"result_type"`
	ISOLanguageCode string `json:"iso_language_code"`
}

// User is the author of a status.
//
//jsondump:json
type User struct {
	ID                             int64        `json:"id"`
	IDStr                          string       `json:"id_str"`
	Name                           string       `json:"name"`
	ScreenName                     string       `json:"screen_name"`
	Location                       string       `json:"location"`
	Description                    string       `json:"description"`
	URL                            *string      `json:"url"`
	Entities                       UserEntities `json:"entities"`
	Protected                      bool         `json:"protected"`
	FollowersCount                 int          `json:"followers_count"`
	FriendsCount                   int          `json:"friends_count"`
	ListedCount                    int          `json:"listed_count"`
	CreatedAt                      string       `json:"created_at"`
	FavouritesCount                int          `json:"favourites_count"`
	UTCOffset                      *int         `json:"utc_offset"`
	TimeZone                       *string      `json:"time_zone"`
	GeoEnabled                     bool         `json:"geo_enabled"`
	Verified                       bool         `json:"verified"`
	StatusesCount                  int          `json:"statuses_count"`
	Lang                           string       `json:"lang"`
	ContributorsEnabled            bool         `json:"contributors_enabled"`
	IsTranslator                   bool         `json:"is_translator"`
	IsTranslationEnabled           bool         `json:"is_translation_enabled"`
	ProfileBackgroundColor         string       `json:"profile_background_color"`
	ProfileBackgroundImageURL      string       `json:"profile_background_image_url"`
	ProfileBackgroundImageURLHTTPS string       `json:"profile_background_image_url_https"`
	ProfileBackgroundTile          bool         `json:"profile_background_tile"`
	ProfileImageURL                string       `json:"profile_image_url"`
	ProfileImageURLHTTPS           string       `json:"profile_image_url_https"`
	ProfileBannerURL               string       `json:"profile_banner_url,omitempty"`
	ProfileLinkColor               string       `json:"profile_link_color"`
	ProfileSidebarBorderColor      string       `json:"profile_sidebar_border_color"`
	ProfileSidebarFillColor        string       `json:"profile_sidebar_fill_color"`
	ProfileTextColor               string       `json:"profile_text_color"`
	ProfileUseBackgroundImage      bool         `json:"profile_use_background_image"`
	DefaultProfile                 bool         `json:"default_profile"`
	DefaultProfileImage            bool         `json:"default_profile_image"`
	Following                      bool         `json:"following"`
	FollowRequestSent              bool         `json:"follow_request_sent"`
	Notifications                  bool         `json:"notifications"`
}

// UserEntities are the links in a user's profile.
//
//jsondump:json
type UserEntities struct {
	URL         *URLEntities `json:"url,omitempty"`
	Description URLEntities  `json:"description"`
}

// URLEntities wraps a list of URLs.
//
//jsondump:json
type URLEntities struct {
	URLs []URL `json:"urls"`
}

// URL is a link and where it appears in the text.
//
//jsondump:json
type URL struct {
	URL         string `json:"url"`
	ExpandedURL string `json:"expanded_url"`
	DisplayURL  string `json:"display_url"`
	Indices     []int  `json:"indices"`
}

// Entities are what a status's text refers to.
//
//jsondump:json
type Entities struct {
	Hashtags     []Hashtag     `json:"hashtags"`
	Symbols      []any         `json:"symbols"`
	URLs         []URL         `json:"urls"`
	UserMentions []UserMention `json:"user_mentions"`
	Media        []Media       `json:"media,omitempty"`
}

// Hashtag is a hashtag in a status.
//
//jsondump:json
type Hashtag struct {
	Text    string `json:"text"`
	Indices []int  `json:"indices"`
}

// UserMention is a mention of a user in a status.
//
//jsondump:json
type UserMention struct {
	ScreenName string `json:"screen_name"`
	Name       string `json:"name"`
	ID         int64  `json:"id"`
	IDStr      string `json:"id_str"`
	Indices    []int  `json:"indices"`
}

// Media is a picture attached to a status.
//
//jsondump:json
type Media struct {
	ID                int64  `json:"id"`
	IDStr             string `json:"id_str"`
	Indices           []int  `json:"indices"`
	MediaURL          string `json:"media_url"`
	MediaURLHTTPS     string `json:"media_url_https"`
	URL               string `json:"url"`
	DisplayURL        string `json:"display_url"`
	ExpandedURL       string `json:"expanded_url"`
	Type              string `json:"type"`
	Sizes             Sizes  `json:"sizes"`
	SourceStatusID    int64  `json:"source_status_id,omitempty"`
	SourceStatusIDStr string `json:"source_status_id_str,omitempty"`
}

// Sizes are the sizes a picture is served in.
//
//jsondump:json
type Sizes struct {
	Medium Size `json:"medium"`
	Small  Size `json:"small"`
	Thumb  Size `json:"thumb"`
	Large  Size `json:"large"`
}

// Size is one size of a picture.
//
//jsondump:json
type Size struct {
	W      int    `json:"w"`
	H      int    `json:"h"`
	Resize string `json:"resize"`
}

// SearchMetadata describes the search.
//
//jsondump:json
type SearchMetadata struct {
	CompletedIn float64 `json:"completed_in"`
	MaxID       int64   `json:"max_id"`
	MaxIDStr    string  `json:"max_id_str"`
	NextResults string  `json:"next_results"`
	Query       string  `json:"query"`
	RefreshURL  string  `json:"refresh_url"`
	Count       int     `json:"count"`
	SinceID     int64   `json:"since_id"`
	SinceIDStr  string  `json:"since_id_str"`
}
