// Package parallel runs independent pieces of work on all cores.
package parallel

import (
	"runtime"
	"sync"
)

// Do calls do(0) … do(n-1) on as many goroutines as there are cores
// (GOMAXPROCS) and returns when all calls have returned. The calls must be
// independent; each should write its result to its own slot (index i), so
// that results come out in order whichever call finishes first.
func Do(n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
