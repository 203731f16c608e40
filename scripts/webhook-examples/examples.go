package main

// example is one payload file: an example from the package, picked by event, action and
// position, with the edits that adjust it. An example without edits is copied as it is.
type example struct {
	File   string
	Event  string
	Action string
	Nth    int
	Doc    string
	Edits  []edit
}

// edit replaces the value at a dotted path; a last key with a leading + adds a new key, and the
// value removed{} deletes the key.
type edit struct {
	Path  string
	Value any
}

// removed is the edit value that deletes a key.
type removed struct{}

const (
	hotfixRef   = "hotfix/login-timeout"
	mergeCommit = "9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6"
	zeroSHA     = "0000000000000000000000000000000000000000"
)

// examples lists every file the generator writes, in the order README.md lists them.
var examples = []example{
	{File: "push.json", Event: "push", Nth: 4, Doc: "a push that creates refs/heads/master"},
	{File: "push.tag-deleted.json", Event: "push", Nth: 1, Doc: "a push that deletes a tag"},
	{File: "pull_request.opened.json", Event: "pull_request", Action: "opened", Doc: "a PR from changes into master"},
	{File: "pull_request.synchronize.json", Event: "pull_request", Action: "synchronize"},
	{File: "pull_request.reopened.json", Event: "pull_request", Action: "reopened"},
	{File: "pull_request.labeled.json", Event: "pull_request", Action: "labeled"},
	{File: "pull_request.closed.json", Event: "pull_request", Action: "closed", Doc: "closed without merge"},
	{File: "issue_comment.created.json", Event: "issue_comment", Action: "created", Doc: "a comment on an issue labelled bug"},
	{File: "issues.labeled.json", Event: "issues", Action: "labeled", Doc: "the label bug added"},
	{File: "issues.reopened.json", Event: "issues", Action: "reopened"},
	{File: "workflow_dispatch.json", Event: "workflow_dispatch", Nth: 1, Doc: "a dispatch without inputs"},
	{File: "workflow_run.completed.json", Event: "workflow_run", Action: "completed", Doc: "a run of another workflow completed"},
	{File: "deployment_status.created.json", Event: "deployment_status", Action: "created", Doc: "a deployment status created"},

	{File: "push.hotfix.json", Event: "push", Nth: 4, Doc: "a push that creates hotfix/x",
		Edits: []edit{{"ref", "refs/heads/hotfix/x"}}},
	{File: "push.hotfix-deleted.json", Event: "push", Nth: 1, Doc: "a push that deletes hotfix/x (after is all zeros)",
		Edits: []edit{{"ref", "refs/heads/hotfix/x"}}},
	{File: "pull_request.opened.hotfix.json", Event: "pull_request", Action: "opened", Doc: "a PR from " + hotfixRef + " into main",
		Edits: hotfixHead("main")},
	{File: "pull_request.synchronize.hotfix.json", Event: "pull_request", Action: "synchronize", Doc: "new commits on a PR from " + hotfixRef,
		Edits: hotfixHead("main")},
	{File: "pull_request.opened.hotfix-fork.json", Event: "pull_request", Action: "opened", Doc: "a PR from " + hotfixRef + " in the fork forker/Hello-World",
		Edits: append(hotfixHead("main"), forkHead()...)},
	{File: "pull_request.closed.hotfix-unmerged.json", Event: "pull_request", Action: "closed", Doc: "a PR from " + hotfixRef + " closed without merge",
		Edits: hotfixHead("main")},
	{File: "pull_request.closed.merged-hotfix.json", Event: "pull_request", Action: "closed", Doc: "a PR from " + hotfixRef + " merged into main",
		Edits: append(hotfixHead("main"), merged()...)},
	{File: "pull_request.closed.merged-hotfix-release.json", Event: "pull_request", Action: "closed", Doc: "a PR from " + hotfixRef + " merged into release/1.1",
		Edits: append(hotfixHead("release/1.1"), merged()...)},
	{File: "pull_request.closed.merged-hotfix-develop.json", Event: "pull_request", Action: "closed", Doc: "a PR from " + hotfixRef + " merged into develop",
		Edits: append(hotfixHead("develop"), merged()...)},
	{File: "pull_request.closed.merged-feature.json", Event: "pull_request", Action: "closed", Doc: "the PR from changes merged into master",
		Edits: merged()},
	{File: "issue_comment.created.incident.json", Event: "issue_comment", Action: "created", Doc: "a /status command on an issue labelled incident",
		Edits: []edit{{"issue.labels", []any{label("incident"), label("severity/P1")}}, {"comment.body", "/status identified eta 30m db failover"}}},
	{File: "issue_comment.created.incident-chat.json", Event: "issue_comment", Action: "created", Doc: "a plain comment on an issue labelled incident",
		Edits: []edit{{"issue.labels", []any{label("incident")}}}},
	{File: "issues.labeled.action-item.json", Event: "issues", Action: "labeled", Doc: "the label postmortem-action added",
		Edits: []edit{{"label", label("postmortem-action")}, {"issue.labels", []any{label("postmortem-action")}}}},
	{File: "issues.closed.action-item.json", Event: "issues", Action: "reopened", Doc: "an issue labelled postmortem-action closed (from the reopened example)",
		Edits: []edit{{"action", "closed"}, {"issue.state", "closed"}, {"issue.labels", []any{label("postmortem-action")}}}},
	{File: "issues.reopened.action-item.json", Event: "issues", Action: "reopened", Doc: "an issue labelled postmortem-action reopened",
		Edits: []edit{{"issue.labels", []any{label("postmortem-action")}}}},
	{File: "workflow_dispatch.declare.json", Event: "workflow_dispatch", Nth: 1, Doc: "a dispatch with the inputs of incident declare",
		Edits: []edit{{"inputs", map[string]any{"title": "Login times out", "severity": "P1", "service": "auth", "impact": "Users cannot sign in", "create_branch": true}}}},
	{File: "workflow_run.completed.deploy.json", Event: "workflow_run", Action: "completed", Doc: "the deploy workflow's dispatch run at v1.2.4 succeeded",
		Edits: []edit{{"workflow.path", ".github/workflows/deploy.yml"}, {"workflow_run.+path", ".github/workflows/deploy.yml"}, {"workflow_run.status", "completed"},
			{"workflow_run.event", "workflow_dispatch"}, {"workflow_run.head_branch", "v1.2.4"}, {"workflow_run.conclusion", "success"}}},
	{File: "schedule.json", Event: "workflow_dispatch", Nth: 1, Doc: "a schedule event (the package has none): the dispatch example's repository and sender, with a cron",
		Edits: []edit{{"inputs", removed{}}, {"ref", removed{}}, {"+schedule", "*/15 * * * *"}}},
}

// hotfixHead points a PR's head at hotfixRef and its base at base.
func hotfixHead(base string) []edit {
	return []edit{
		{"pull_request.head.ref", hotfixRef},
		{"pull_request.head.label", "Codertocat:" + hotfixRef},
		{"pull_request.base.ref", base},
		{"pull_request.base.label", "Codertocat:" + base},
	}
}

// forkHead moves a PR's head into a fork owned by forker.
func forkHead() []edit {
	return []edit{
		{"pull_request.head.label", "forker:" + hotfixRef},
		{"pull_request.head.repo.full_name", "forker/Hello-World"},
		{"pull_request.head.repo.fork", true},
		{"pull_request.head.repo.owner.login", "forker"},
		{"pull_request.head.user.login", "forker"},
	}
}

// merged marks a closed PR as merged, with its merge commit.
func merged() []edit {
	return []edit{
		{"pull_request.merged", true},
		{"pull_request.merged_at", "2019-05-15T15:21:18Z"},
		{"pull_request.merge_commit_sha", mergeCommit},
	}
}

// label is a label object as webhook payloads carry it.
func label(name string) map[string]any {
	return map[string]any{
		"id": 1362934389, "node_id": "MDU6TGFiZWwxMzYyOTM0Mzg5", "name": name, "color": "d73a4a", "default": false,
		"url": "https://api.github.com/repos/Codertocat/Hello-World/labels/" + name, "description": nil,
	}
}
