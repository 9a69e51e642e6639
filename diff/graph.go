package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// Graph is a dependency graph of schema objects: an edge from a to b says
// that a depends on b (a view reads a table, a trigger calls a function).
// Nodes are named by schema.ObjectRef, with the column left out: a
// dependency on a column is one on its relation (ObjectRef.Node). Each kind
// adds its objects and their DependsOn; Order sorts the objects of a phase.
// The zero Graph is not usable: use NewGraph.
type Graph struct {
	deps map[schema.ObjectRef][]schema.ObjectRef // node → what it depends on
	rdep map[schema.ObjectRef][]schema.ObjectRef // node → what depends on it
}

// NewGraph returns an empty graph.
func NewGraph() *Graph {
	return &Graph{deps: map[schema.ObjectRef][]schema.ObjectRef{}, rdep: map[schema.ObjectRef][]schema.ObjectRef{}}
}

// graphNode is the node an ObjectRef names: columns are their relation's,
// and tables and views are one kind of node (relations share a namespace).
func graphNode(r schema.ObjectRef) schema.ObjectRef {
	switch r.Kind {
	case schema.KindColumn, schema.KindTable, schema.KindView:
		return schema.ObjectRef{Kind: schema.KindTable, Schema: r.Schema, Name: r.Name}
	}
	r.Column = ""
	return r
}

// Add records that obj depends on each of deps (self-references are left
// out: a view's rule depends on the view itself).
func (g *Graph) Add(obj schema.ObjectRef, deps []schema.ObjectRef) {
	n := graphNode(obj)
	if _, ok := g.deps[n]; !ok {
		g.deps[n] = nil
	}
	for _, d := range deps {
		dn := graphNode(d)
		if dn == n || slices.Contains(g.deps[n], dn) {
			continue
		}
		g.deps[n] = append(g.deps[n], dn)
		g.rdep[dn] = append(g.rdep[dn], n)
	}
}

// Dependents returns every object that depends on one of objs, directly or
// through others (objs themselves left out unless they depend on each other),
// sorted.
func (g *Graph) Dependents(objs ...schema.ObjectRef) []schema.ObjectRef {
	seen := map[schema.ObjectRef]bool{}
	var out []schema.ObjectRef
	queue := make([]schema.ObjectRef, 0, len(objs))
	for _, o := range objs {
		queue = append(queue, graphNode(o))
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, dep := range g.rdep[n] {
			if !seen[dep] {
				seen[dep] = true
				out = append(out, dep)
				queue = append(queue, dep)
			}
		}
	}
	slices.SortFunc(out, compareRefs)
	return out
}

// compareRefs orders references by kind, schema, name and column.
func compareRefs(a, b schema.ObjectRef) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Column, b.Column))
}

// Order returns objs sorted so that every object comes after those of objs
// it depends on, directly or through objects of the graph outside objs;
// among objects free to go, by name (deterministic). A cycle is an error
// that names the objects in it.
func (g *Graph) Order(objs []schema.ObjectRef) ([]schema.ObjectRef, error) {
	want := map[schema.ObjectRef]bool{}
	for _, o := range objs {
		want[graphNode(o)] = true
	}
	// the dependencies of a wanted object among the wanted ones, through
	// objects that are not wanted
	before := map[schema.ObjectRef][]schema.ObjectRef{}
	for n := range want {
		seen := map[schema.ObjectRef]bool{n: true}
		stack := slices.Clone(g.deps[n])
		for len(stack) > 0 {
			d := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[d] {
				continue
			}
			seen[d] = true
			if want[d] {
				before[n] = append(before[n], d)
				continue
			}
			stack = append(stack, g.deps[d]...)
		}
		if slices.Contains(g.deps[n], n) {
			return nil, fmt.Errorf("dependency cycle: %s depends on itself", refString(n))
		}
	}
	done := map[schema.ObjectRef]bool{}
	var out []schema.ObjectRef
	for len(out) < len(want) {
		var ready []schema.ObjectRef
		for n := range want {
			if done[n] {
				continue
			}
			if !slices.ContainsFunc(before[n], func(d schema.ObjectRef) bool { return !done[d] }) {
				ready = append(ready, n)
			}
		}
		if len(ready) == 0 {
			return nil, g.cycleError(want, done, before)
		}
		slices.SortFunc(ready, compareRefs)
		for _, n := range ready {
			done[n] = true
		}
		out = append(out, ready...)
	}
	return out, nil
}

// cycleError names the objects of a cycle among the objects not done.
func (g *Graph) cycleError(want, done map[schema.ObjectRef]bool, before map[schema.ObjectRef][]schema.ObjectRef) error {
	var left []schema.ObjectRef
	for n := range want {
		if !done[n] {
			left = append(left, n)
		}
	}
	slices.SortFunc(left, compareRefs)
	// walk from the first one until a node repeats: that is a cycle
	pos := map[schema.ObjectRef]int{}
	var path []schema.ObjectRef
	n := left[0]
	for {
		if i, ok := pos[n]; ok {
			path = path[i:]
			break
		}
		pos[n] = len(path)
		path = append(path, n)
		next := slices.DeleteFunc(slices.Clone(before[n]), func(d schema.ObjectRef) bool { return done[d] })
		slices.SortFunc(next, compareRefs)
		n = next[0]
	}
	names := make([]string, 0, len(path)+1)
	for _, p := range append(path, path[0]) {
		names = append(names, refString(p))
	}
	return fmt.Errorf("dependency cycle: %s (each depends on the next); break it by changing one of them", strings.Join(names, " -> "))
}

// refString names a graph node in messages.
func refString(r schema.ObjectRef) string {
	kind := string(r.Kind)
	if r.Kind == schema.KindTable {
		kind = "relation"
	}
	return kind + " " + r.QName().String()
}
