//go:build e2e

package containertest

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
)

// root is this repository's root, from the package's directory.
const root = "../.."

// rootActionUses is how a workflow names the root action, whose image is the Dockerfile.
const rootActionUses = "incident-hotfix/incident-hotfix@v0"

// rootActionImage is the name act gives the image it builds from the root action's Dockerfile
// (act-<uses, non-alphanumerics as hyphens>-dockeraction). With --rebuild=false act runs an image
// of that name that exists instead of building the Dockerfile with its public bases.
func rootActionImage() string {
	name := regexp.MustCompile("[^a-zA-Z0-9]").ReplaceAllString(rootActionUses, "-")
	return strings.ToLower("act-" + name + "-dockeraction:latest")
}

// publishedImage is the image the per-command actions run (actions/guard/action.yml's
// docker://…), the tag release.yml pushes.
func publishedImage() (string, error) {
	m, err := actionmeta.Load(root, "actions/guard/action.yml")
	if err != nil {
		return "", err
	}
	ref, ok := strings.CutPrefix(m.Runs.Image, "docker://")
	if !ok {
		return "", fmt.Errorf("%s: runs.image %q is not docker://IMAGE:TAG", m.Path, m.Runs.Image)
	}
	return ref, nil
}

// goEnv reads go env's values for keys.
func goEnv(keys ...string) (map[string]string, error) {
	out, err := exec.Command("go", append([]string{"env", "-json"}, keys...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	env := map[string]string{}
	return env, json.Unmarshal(out, &env)
}

// proxyAddr is the module proxy's address when it is free. The proxy's URL is a build argument,
// so a fixed one keeps Docker's build cache valid from one run to the next.
const proxyAddr = "127.0.0.1:39417"

// serveModules serves the host's module cache as a Go module proxy (the cache's download
// directory has the proxy protocol's layout) on a loopback port, after `go mod download` made sure
// that it holds every module the build needs. It returns the proxy's URL and its stop.
func serveModules(modcache string) (string, func(), error) {
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("go mod download: %w\n%s", err, out)
	}
	ln, err := net.Listen("tcp", proxyAddr)
	if err != nil { // taken: any port will do, at the cost of the build cache
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return "", nil, err
		}
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(filepath.Join(modcache, "cache", "download"))), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// buildImage makes the stand-in bases, builds this checkout's Dockerfile on them, and tags the
// image as ref and as act's name for the root action's image. The build runs on the host's
// network, so its go command reaches the module proxy on loopback.
func buildImage(ref string, logf func(string, ...any)) error {
	env, err := goEnv("GOROOT", "GOMODCACHE")
	if err != nil {
		return err
	}
	goBase, err := goStandIn(env["GOROOT"])
	if err != nil {
		return err
	}
	start := time.Now()
	for _, standIn := range []func() error{func() error { return makeGoStandIn(goBase, env["GOROOT"]) }, makeRuntimeStandIn, makeRunnerStandIn} {
		if err := standIn(); err != nil {
			return err
		}
	}
	logf("made the stand-in bases in %s", time.Since(start).Round(100*time.Millisecond))
	proxy, stop, err := serveModules(env["GOMODCACHE"])
	if err != nil {
		return err
	}
	defer stop()
	start = time.Now()
	version := ref[strings.LastIndex(ref, ":")+1:]
	cmd := exec.Command("docker", "build", "--network", "host", "--force-rm",
		"--build-arg", "GO_IMAGE="+goBase, "--build-arg", "RUNTIME_IMAGE="+runtimeStandIn,
		"--build-arg", "GOPROXY="+proxy, "--build-arg", "VERSION="+version,
		"--tag", ref, "--tag", rootActionImage(), ".")
	cmd.Dir, cmd.Env = root, append(os.Environ(), "DOCKER_BUILDKIT=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("docker build with the stand-in bases: %w\n%s", err, tail(out, 30))
	}
	logf("built %s from the Dockerfile in %s", ref, time.Since(start).Round(time.Second))
	return nil
}
