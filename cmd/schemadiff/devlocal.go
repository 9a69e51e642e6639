package main

import "github.com/schemadiff/schemadiff/internal/source"

// devServer returns the URL of the scratch server devURL (--dev-url, or
// dev_url of the configuration) names. For "local" it starts a private
// PostgreSQL server the first time it is asked, and run stops and removes
// it when the command ends, whatever the command returns.
func (e *env) devServer(devURL string) (string, error) {
	if devURL != source.LocalDev {
		return devURL, nil
	}
	if e.localDev == "" {
		url, stop, err := source.StartLocalDev(e.ctx, e.stderr)
		if err != nil {
			return "", err
		}
		e.cleanups = append(e.cleanups, stop)
		e.localDev = url
	}
	return e.localDev, nil
}

// cleanup runs what the command left to do at its end (stopping a private
// dev server), last registered first.
func (e *env) cleanup() {
	for i := len(e.cleanups) - 1; i >= 0; i-- {
		e.cleanups[i]()
	}
	e.cleanups = nil
}
