package gen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jsondump/jsondump/gen/internal/diff"
	"github.com/jsondump/jsondump/gen/internal/load"
)

// WriteFile writes out.Content to out.Path whole or not at all: into a
// temporary file in the same directory, then renamed over the old file. A
// file whose bytes are already out.Content is left alone, so its modification
// time does not change and build caches stay warm. A file that jsondump did
// not write (one without the generated header) is never replaced: that is
// an error, and the file is left as it was.
func WriteFile(out Output) error {
	old, err := os.ReadFile(out.Path)
	if err == nil && bytes.Equal(old, out.Content) {
		return nil
	}
	if err == nil && !load.IsGenerated(old) {
		return load.NotGeneratedError(out.Path)
	}
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(out.Path); err == nil {
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(out.Path), "."+filepath.Base(out.Path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(out.Content); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out.Path)
}

// Check compares each output with the file on disk and writes a unified diff
// to w for each one that differs (a missing file counts as empty). It returns
// how many files are stale.
func Check(outs []Output, w io.Writer) (stale int, err error) {
	for _, out := range outs {
		old, err := os.ReadFile(out.Path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return stale, err
		}
		if bytes.Equal(old, out.Content) {
			continue
		}
		stale++
		name := displayPath(out.Path)
		if _, err := fmt.Fprint(w, diff.Unified("a/"+name, "b/"+name, old, out.Content)); err != nil {
			return stale, err
		}
	}
	return stale, nil
}

// displayPath is path relative to the working directory when it is inside
// it, with forward slashes, for diff headers.
func displayPath(path string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
			path = rel
		}
	}
	return filepath.ToSlash(path)
}
