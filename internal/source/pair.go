package source

import (
	"bytes"
	"context"
	"sync"

	"github.com/schemadiff/schemadiff/schema"
)

// LoadPair loads a and b (each as Load does) at the same time: a database
// is read while the other side's files load, so that a diff of a database
// and a folder costs about the longer of the two rather than their sum.
// opts.Dialect must be set (a URL on either side fixes it), since neither
// side can wait for the other's. When both fail, a's error is returned.
func LoadPair(ctx context.Context, a, b string, opts Options) (*schema.Database, *schema.Database, error) {
	var (
		wg   sync.WaitGroup
		db   [2]*schema.Database
		errs [2]error
	)
	// Each load writes its warnings to a buffer of its own, copied to
	// opts.Warn in order once both are done: written as they came, the
	// warnings of a and b interleaved differently from run to run.
	var warned [2]bytes.Buffer
	for i, src := range []string{a, b} {
		o := opts
		if opts.Warn != nil {
			o.Warn = &warned[i]
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			db[i], errs[i] = Load(ctx, src, o)
		}()
	}
	wg.Wait()
	if opts.Warn != nil {
		for i := range warned {
			if _, err := warned[i].WriteTo(opts.Warn); err != nil && errs[i] == nil {
				errs[i] = err
			}
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return db[0], db[1], nil
}
