// The checks through @octokit/rest, unmodified, against a sandbox. Run by
// octokit_e2e_test.go as: node octokit_checks.mjs BASE_URL TOKEN; it prints one JSON object.
import { Octokit } from "@octokit/rest";

const [baseUrl, token] = process.argv.slice(2);
const octokit = new Octokit({ baseUrl, auth: token });
const owner = "acme";
const repo = "shop";
const out = {};

const refs = await octokit.git.listMatchingRefs({ owner, repo, ref: "tags/v1.", per_page: 2 });
out.matchingRefs = { count: refs.data.length, link: refs.headers.link ?? null };

const page2 = await octokit.repos.compareCommits({ owner, repo, base: "main", head: "long", per_page: 100, page: 2 });
out.comparePage2 = {
  shas: page2.data.commits.map((c) => c.sha),
  hasLink: Boolean(page2.headers.link),
};
const unpaged = await octokit.repos.compareCommits({ owner, repo, base: "main", head: "long" });
out.compareLast = unpaged.data.commits.at(-1).sha;

const tags = await octokit.repos.listTags({ owner, repo, per_page: 100 });
out.tags = { count: tags.data.length, hasNext: /rel="next"/.test(tags.headers.link ?? "") };

await octokit.pulls.get({ owner, repo, pull_number: 1 });
const pr = await octokit.pulls.get({ owner, repo, pull_number: 1 });
const merge = await octokit.git.getCommit({ owner, repo, commit_sha: pr.data.merge_commit_sha });
out.testMerge = { merged: pr.data.merged, sha: pr.data.merge_commit_sha, parents: merge.data.parents.map((p) => p.sha) };

try {
  await octokit.repos.get({ owner, repo: "nope" });
} catch (e) {
  out.notFound = e.response.data;
}

const first = await octokit.repos.get({ owner, repo });
try {
  const again = await octokit.repos.get({ owner, repo, headers: { "if-none-match": first.headers.etag } });
  out.conditional = { status: again.status };
} catch (e) {
  out.conditional = {
    status: e.status,
    before: first.headers["x-ratelimit-remaining"],
    after: e.response.headers["x-ratelimit-remaining"],
  };
}

console.log(JSON.stringify(out));
