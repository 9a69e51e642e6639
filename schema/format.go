package schema

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// FormatHCL returns src, an HCL schema file, in canonical layout (aligned
// equals signs, two-space indentation, normalized spacing), as `schemadiff fmt`
// writes it. Comments and the order of everything are kept. A file with
// syntax errors is not formatted: the errors come back as Diagnostics.
// Formatting is idempotent.
func FormatHCL(src []byte, filename string) ([]byte, error) {
	if _, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos); diags.HasErrors() {
		l := newLoader()
		l.hclDiags("", diags)
		return nil, l.diags
	}
	return hclwrite.Format(src), nil
}
