package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

func viewNode(name string) schema.ObjectRef {
	return schema.ObjectRef{Kind: schema.KindView, Schema: "public", Name: name}
}

func tableNode(name string) schema.ObjectRef {
	return schema.ObjectRef{Kind: schema.KindTable, Schema: "public", Name: name}
}

// TestGraphOrder: dependencies first, through objects that are not being
// ordered too, ties by name; a cycle is an error naming its objects.
func TestGraphOrder(t *testing.T) {
	tests := []struct {
		name    string
		edges   map[schema.ObjectRef][]schema.ObjectRef
		objs    []schema.ObjectRef
		want    []string
		wantErr string
	}{
		{name: "chain against name order",
			edges: map[schema.ObjectRef][]schema.ObjectRef{viewNode("a"): {viewNode("m")}, viewNode("m"): {viewNode("z")}, viewNode("z"): {tableNode("t")}},
			objs:  []schema.ObjectRef{viewNode("a"), viewNode("m"), viewNode("z")},
			want:  []string{"z", "m", "a"}},
		{name: "ties by name",
			edges: map[schema.ObjectRef][]schema.ObjectRef{viewNode("b"): {tableNode("t")}, viewNode("a"): {tableNode("t")}, viewNode("c"): {viewNode("a")}},
			objs:  []schema.ObjectRef{viewNode("c"), viewNode("b"), viewNode("a")},
			want:  []string{"a", "b", "c"}},
		{name: "through an object not ordered",
			edges: map[schema.ObjectRef][]schema.ObjectRef{viewNode("a"): {viewNode("mid")}, viewNode("mid"): {viewNode("z")}},
			objs:  []schema.ObjectRef{viewNode("a"), viewNode("z")},
			want:  []string{"z", "a"}},
		{name: "a column dependency is its relation's",
			edges: map[schema.ObjectRef][]schema.ObjectRef{viewNode("a"): {{Kind: schema.KindColumn, Schema: "public", Name: "b", Column: "x"}}},
			objs:  []schema.ObjectRef{viewNode("a"), viewNode("b")},
			want:  []string{"b", "a"}},
		{name: "cycle",
			edges:   map[schema.ObjectRef][]schema.ObjectRef{viewNode("a"): {viewNode("b")}, viewNode("b"): {viewNode("c")}, viewNode("c"): {viewNode("a")}, viewNode("d"): nil},
			objs:    []schema.ObjectRef{viewNode("a"), viewNode("b"), viewNode("c"), viewNode("d")},
			wantErr: "dependency cycle: relation public.a -> relation public.b -> relation public.c -> relation public.a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph()
			for obj, deps := range tt.edges {
				g.Add(obj, deps)
			}
			got, err := g.Order(tt.objs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, r := range got {
				names = append(names, r.Name)
			}
			if !slices.Equal(names, tt.want) {
				t.Errorf("order %v, want %v", names, tt.want)
			}
		})
	}
	g := NewGraph()
	g.Add(viewNode("a"), []schema.ObjectRef{viewNode("b")})
	g.Add(viewNode("b"), []schema.ObjectRef{tableNode("t")})
	g.Add(viewNode("c"), []schema.ObjectRef{tableNode("u")})
	if got := g.Dependents(tableNode("t")); !slices.Equal(got, []schema.ObjectRef{tableNode("a"), tableNode("b")}) {
		t.Errorf("dependents of t: %v, want a and b", got)
	}
}
