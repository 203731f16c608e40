package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// docURL is the documentation_url GitHub sends with most REST errors.
const docURL = "https://docs.github.com/rest"

// apiError is an error answered with GitHub's error body: a status, a message, optional field
// errors and a documentation URL. See https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api
type apiError struct {
	Status  int
	Message string
	Errors  []fieldError
	DocURL  string
}

// fieldError is one entry of a 422 body's errors array.
type fieldError struct {
	Resource string `json:"resource,omitempty"`
	Field    string `json:"field,omitempty"`
	Code     string `json:"code,omitempty"`
	Message  string `json:"message,omitempty"`
}

// Error returns the status and message.
func (e *apiError) Error() string {
	return fmt.Sprintf("%d %s", e.Status, e.Message)
}

// errorBody is the JSON GitHub sends for an error; status is the HTTP status as a string ("404").
type errorBody struct {
	Message string       `json:"message"`
	Errors  []fieldError `json:"errors,omitempty"`
	DocURL  string       `json:"documentation_url,omitempty"`
	Status  string       `json:"status"`
}

// notFound is GitHub's 404 for a missing repository, ref, issue or route.
func notFound() error {
	return &apiError{Status: http.StatusNotFound, Message: "Not Found"}
}

// validationFailed is a 422 with field errors; the message is "Validation Failed" unless msg is set.
// As on GitHub, a field error carries a message only when its code is "custom": the others
// (missing_field, invalid, already_exists, missing) say it with the code alone.
// https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#validation-failed
func validationFailed(msg string, errs ...fieldError) error {
	if msg == "" {
		msg = "Validation Failed"
	}
	for i := range errs {
		if errs[i].Code != "custom" {
			errs[i].Message = ""
		}
	}
	return &apiError{Status: http.StatusUnprocessableEntity, Message: msg, Errors: errs}
}

// unprocessable is a 422 with a message and no field errors.
func unprocessable(msg string) error {
	return &apiError{Status: http.StatusUnprocessableEntity, Message: msg}
}

// conflict is a 409, as for a merge conflict.
func conflict(msg string) error {
	return &apiError{Status: http.StatusConflict, Message: msg}
}

// badRequest is a 400, as for a body that is not JSON.
func badRequest(msg string) error {
	return &apiError{Status: http.StatusBadRequest, Message: msg}
}

// withDoc is err with documentation_url set to doc, unless it names one already.
func withDoc(err error, doc string) error {
	var ae *apiError
	if !errors.As(err, &ae) || ae.DocURL != "" {
		return err
	}
	c := *ae
	c.DocURL = doc
	return &c
}

// writeError answers err: an *apiError as it is, anything else as a 500 whose message is the error.
func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{Status: http.StatusInternalServerError, Message: err.Error()}
	}
	doc := ae.DocURL
	if doc == "" {
		doc = docURL
	}
	_ = writeJSON(w, ae.Status, errorBody{Message: ae.Message, Errors: ae.Errors, DocURL: doc, Status: strconv.Itoa(ae.Status)})
}

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, err = w.Write(append(body, '\n'))
	return err
}

// decodeBody reads the request's JSON body into v; bad JSON is GitHub's 400 "Problems parsing JSON".
// An empty body leaves v as it is.
func decodeBody(r *http.Request, v any) error {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return badRequest("Problems parsing JSON")
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return badRequest("Problems parsing JSON")
	}
	return nil
}
