// Package corpus finds and reads the benchmark datasets.
//
// The folder comes from the -corpus flag, else the JSONDUMP_CORPUS environment
// variable, else ../../shared/corpus relative to the bench module (the layout of
// the project's work tree and of CI, where the repository sits next to shared/).
// Callers skip cleanly when the folder is absent.
package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

var flagDir = flag.String("corpus", "", "folder holding the *.json.gz datasets (default: $JSONDUMP_CORPUS, else ../../shared/corpus relative to bench/)")

// ErrAbsent reports that no corpus folder was found.
var ErrAbsent = errors.New("corpus folder not found (set -corpus or JSONDUMP_CORPUS)")

// Dir returns the corpus folder, or ErrAbsent.
func Dir() (string, error) {
	if d := *flagDir; d != "" {
		return check(d)
	}
	if d := os.Getenv("JSONDUMP_CORPUS"); d != "" {
		return check(d)
	}
	return check(filepath.Join(moduleDir(), "..", "..", "shared", "corpus"))
}

func check(d string) (string, error) {
	fi, err := os.Stat(d)
	if err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%w: %s", ErrAbsent, d)
	}
	return filepath.Clean(d), nil
}

// moduleDir is the bench module's root: the working directory's nearest
// ancestor holding bench's go.mod, else the directory of this source file.
func moduleDir() string {
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; {
			if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && bytes.Contains(b, []byte("module github.com/jsondump/jsondump/bench\n")) {
				return d
			}
			p := filepath.Dir(d)
			if p == d {
				break
			}
			d = p
		}
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

var (
	mu    sync.Mutex
	cache = map[string][]byte{}
)

// Load returns the decompressed bytes of NAME.json.gz from the corpus folder.
// Results are cached; callers must not modify them.
func Load(name string) ([]byte, error) {
	mu.Lock()
	defer mu.Unlock()
	if b, ok := cache[name]; ok {
		return b, nil
	}
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, name+".json.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cache[name] = b
	return b, nil
}
