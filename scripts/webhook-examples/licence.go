package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writeLicence copies the package's licence file to out/LICENSE. The package ships none (its
// README links the repository's LICENSE.md), so when there is no file the notice is composed from
// package.json, which must declare MIT: the package, its author and repository, and the MIT terms.
func writeLicence(pkg, out string) error {
	for _, name := range []string{"LICENSE", "LICENSE.md", "license"} {
		data, err := os.ReadFile(filepath.Join(pkg, name))
		if err == nil {
			return os.WriteFile(filepath.Join(out, "LICENSE"), data, 0o644)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	notice, err := composedNotice(pkg)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "LICENSE"), []byte(notice), 0o644)
}

// manifest holds the fields of package.json that the notice names.
type manifest struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	License    string `json:"license"`
	Author     string `json:"author"`
	Repository string `json:"repository"`
}

// composedNotice builds the notice from package.json.
func composedNotice(pkg string) (string, error) {
	data, err := os.ReadFile(filepath.Join(pkg, "package.json"))
	if err != nil {
		return "", err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return "", fmt.Errorf("parse %s package.json: %w", packageName, err)
	}
	if m.License != "MIT" {
		return "", fmt.Errorf("%s declares licence %q; only MIT is expected", m.Name, m.License)
	}
	return fmt.Sprintf(noticeFormat, m.Name, m.Version, m.Repository, m.Author, m.Repository), nil
}

// noticeFormat is the notice for the copied payloads, with the MIT terms.
const noticeFormat = `The JSON files in this directory are taken from, or derived by the transforms in
README.md from, the npm package %s %s (%s), whose package.json
declares the MIT licence. The package ships no licence file, so this notice states its terms.

MIT License

Copyright (c) %s and the contributors to %s

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`
