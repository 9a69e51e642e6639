package review

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// tableOptionsAction reads an ALTER TABLE action that changes the table's
// PostgreSQL options — SET LOGGED/UNLOGGED, SET (…)/RESET (…) of storage
// parameters, REPLICA IDENTITY — and returns the change it makes, or nil
// when the action is none of those (nothing is consumed then).
func (p *sqlParser) tableOptionsAction() func(*schema.TableOptions) {
	switch {
	case p.accept("SET", "LOGGED"):
		return func(o *schema.TableOptions) { o.Unlogged = false }
	case p.accept("SET", "UNLOGGED"):
		return func(o *schema.TableOptions) { o.Unlogged = true }
	case p.at("SET", "("):
		p.accept("SET")
		set := storageParams(p.parenText())
		return func(o *schema.TableOptions) {
			for _, s := range set {
				name := schema.StorageParameterName(s)
				o.StorageParameters = slices.DeleteFunc(o.StorageParameters, func(x string) bool { return schema.StorageParameterName(x) == name })
				o.StorageParameters = append(o.StorageParameters, s)
			}
		}
	case p.at("RESET", "("):
		p.accept("RESET")
		names := storageParams(p.parenText())
		return func(o *schema.TableOptions) {
			o.StorageParameters = slices.DeleteFunc(o.StorageParameters, func(x string) bool {
				return slices.Contains(names, schema.StorageParameterName(x))
			})
		}
	case p.accept("REPLICA", "IDENTITY"):
		var ri, index string
		switch {
		case p.accept("DEFAULT"):
		case p.accept("FULL"):
			ri = "full"
		case p.accept("NOTHING"):
			ri = "nothing"
		case p.accept("USING", "INDEX"):
			ri, index = "index", p.ident()
		default:
			p.fail("REPLICA IDENTITY %s is not understood", strings.ToUpper(p.peek().text))
		}
		return func(o *schema.TableOptions) { o.ReplicaIdentity, o.ReplicaIdentityIndex = ri, index }
	}
	return nil
}

// storageParams splits the text inside SET (…) or RESET (…) into
// "name=value" parameters (RESET: names), lower-cased names and values
// without spaces; Normalize makes them canonical.
func storageParams(text string) []string {
	var out []string
	for _, part := range strings.Split(text, ",") {
		name, value, ok := strings.Cut(part, "=")
		name = strings.ToLower(strings.Join(strings.Fields(name), ""))
		if !ok {
			out = append(out, name)
			continue
		}
		out = append(out, name+"="+strings.Trim(strings.TrimSpace(value), "'"))
	}
	return out
}

// columnStorage reads SET STORAGE and SET COMPRESSION of ALTER COLUMN into
// a, and reports whether it was one of them.
func (p *sqlParser) columnStorage(a *colAlter) bool {
	switch {
	case p.accept("SET", "STORAGE"):
		v := strings.ToLower(p.ident())
		a.storage = &v
	case p.accept("SET", "COMPRESSION"):
		v := strings.ToLower(p.ident())
		if v == "default" {
			v = ""
		}
		a.compression = &v
	default:
		return false
	}
	return true
}
