//go:build e2e

package containertest

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The stand-in bases: images made on this machine from its own files, since none can be pulled.
// The Go stand-in's tag is the host's Go version (goStandIn); the others change only with this
// file, so a new layout needs a new tag.
const (
	runtimeStandIn = "incident-hotfix-standin/static:1"
	runnerStandIn  = "incident-hotfix-standin/runner:1"
)

// goStandIn is the Go stand-in's reference for the toolchain at goroot: its version is the tag.
func goStandIn(goroot string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(goroot, "VERSION"))
	if err != nil {
		return "", err
	}
	version, _, _ := strings.Cut(string(raw), "\n")
	return "incident-hotfix-standin/go:" + strings.TrimSpace(version), nil
}

// layer is the file tree of a stand-in image, written as a tar stream for `docker import`.
type layer struct {
	tw *tar.Writer
}

// dir adds a directory with mode.
func (l layer) dir(name string, mode int64) error {
	return l.tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: mode})
}

// file adds a regular file with its content and mode.
func (l layer) file(name string, body []byte, mode int64) error {
	if err := l.tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: mode, Size: int64(len(body))}); err != nil {
		return err
	}
	_, err := l.tw.Write(body)
	return err
}

// copyFile adds the host's file src (symlinks followed) at name.
func (l layer) copyFile(name, src string) error {
	body, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	return l.file(name, body, int64(info.Mode().Perm()))
}

// copyTree adds the host's directory src at name, less what skip rejects.
func (l layer) copyTree(name, src string, skip func(rel string, d fs.DirEntry) bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel != "." && skip(filepath.ToSlash(rel), d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.ToSlash(filepath.Join(name, rel))
		if d.IsDir() {
			return l.dir(target, 0o755)
		}
		return l.copyFile(target, p)
	})
}

// importImage builds the tree that fill writes and imports it as the image ref, with changes
// (Dockerfile instructions such as ENV) applied.
// An image that exists already is kept, so that the Dockerfile's build cache holds across runs.
func importImage(ref string, changes []string, fill func(layer) error) error {
	if exec.Command("docker", "image", "inspect", ref).Run() == nil {
		return nil
	}
	var buf bytes.Buffer
	l := layer{tw: tar.NewWriter(&buf)}
	if err := fill(l); err != nil {
		return fmt.Errorf("lay out %s: %w", ref, err)
	}
	if err := l.tw.Close(); err != nil {
		return err
	}
	args := []string{"import"}
	for _, c := range changes {
		args = append(args, "--change", c)
	}
	cmd := exec.Command("docker", append(args, "-", ref)...)
	cmd.Stdin = &buf
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("docker import %s: %w\n%s", ref, err, out)
	}
	return nil
}

// makeGoStandIn imports the host's Go toolchain as the build stage's base: the go command, the
// compiler, assembler and linker, and the standard library's source, without tests or testdata.
// Its go command is this machine's, so GOTOOLCHAIN=local.
func makeGoStandIn(ref, goroot string) error {
	const at = "usr/local/go"
	return importImage(ref, []string{"ENV PATH=/" + at + "/bin", "ENV GOTOOLCHAIN=local", "ENV HOME=/root"}, func(l layer) error {
		for _, d := range []string{"tmp"} {
			if err := l.dir(d, 0o1777); err != nil {
				return err
			}
		}
		for _, f := range []string{"bin/go", "go.env", "VERSION", "pkg/tool/linux_amd64/compile", "pkg/tool/linux_amd64/asm", "pkg/tool/linux_amd64/link"} {
			if err := l.copyFile(at+"/"+f, filepath.Join(goroot, f)); err != nil {
				return err
			}
		}
		if err := l.copyTree(at+"/pkg/include", filepath.Join(goroot, "pkg", "include"), func(string, fs.DirEntry) bool { return false }); err != nil {
			return err
		}
		return l.copyTree(at+"/src", filepath.Join(goroot, "src"), func(rel string, d fs.DirEntry) bool {
			return rel == "cmd" || d.Name() == "testdata" || strings.HasSuffix(rel, "_test.go")
		})
	})
}

// makeRuntimeStandIn imports what distroless/static holds: the CA certificates, /etc/passwd and
// /etc/group with root, nobody and nonroot, their homes, and /tmp. There is no shell and no
// binary at all.
func makeRuntimeStandIn() error {
	passwd := "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n"
	group := "root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n"
	return importImage(runtimeStandIn, []string{"ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"}, func(l layer) error {
		for _, d := range []struct {
			name string
			mode int64
		}{{"etc", 0o755}, {"etc/ssl", 0o755}, {"etc/ssl/certs", 0o755}, {"root", 0o700}, {"home", 0o755}, {"home/nonroot", 0o700}, {"tmp", 0o1777}} {
			if err := l.dir(d.name, d.mode); err != nil {
				return err
			}
		}
		if err := l.file("etc/passwd", []byte(passwd), 0o644); err != nil {
			return err
		}
		if err := l.file("etc/group", []byte(group), 0o644); err != nil {
			return err
		}
		if err := l.copyFile("etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt"); err != nil {
			return fmt.Errorf("the runtime stand-in takes this machine's CA certificates (Debian's ca-certificates): %w", err)
		}
		return nil
	})
}

// makeRunnerStandIn imports the job container act starts for each job: act keeps it alive with
// `tail -f /dev/null` and runs the actions' steps in containers of their own beside it, so it
// holds the host's tail and the C library it loads, and nothing else.
func makeRunnerStandIn() error {
	libs, err := sharedLibraries("/usr/bin/tail")
	if err != nil {
		return err
	}
	return importImage(runnerStandIn, []string{"ENV PATH=/usr/bin"}, func(l layer) error {
		for _, d := range []string{"etc", "usr", "usr/bin", "tmp"} {
			if err := l.dir(d, 0o755); err != nil {
				return err
			}
		}
		if err := l.file("etc/passwd", []byte("root:x:0:0:root:/root:/sbin/nologin\n"), 0o644); err != nil {
			return err
		}
		for _, lib := range libs {
			if err := l.copyFile(strings.TrimPrefix(lib, "/"), lib); err != nil {
				return err
			}
		}
		return l.copyFile("usr/bin/tail", "/usr/bin/tail")
	})
}

// sharedLibraries lists the absolute paths of the libraries bin loads, its loader included, as
// ldd prints them.
func sharedLibraries(bin string) ([]string, error) {
	out, err := exec.Command("ldd", bin).Output()
	if err != nil {
		return nil, fmt.Errorf("ldd %s: %w", bin, err)
	}
	var libs []string
	for _, line := range strings.Split(string(out), "\n") {
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "/") {
				libs = append(libs, f)
			}
		}
	}
	return libs, nil
}
