module github.com/incident-hotfix/incident-hotfix

go 1.26.0

require github.com/sethvargo/go-githubactions v1.3.2
