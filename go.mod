module github.com/incident-hotfix/incident-hotfix

go 1.26.0

require github.com/sethvargo/go-githubactions v1.3.2

require (
	github.com/bmatcuk/doublestar/v4 v4.10.4 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
