package e2e

import "testing"

// TestRLSPartitionsDumpEqual: for the pairs of row-level security, policies
// and partitioning (issue 12), the database migrated from `from` to `to` and
// the one schemadiff builds from `to` alone have the same pg_dump: policies,
// RLS switches, partition keys, bounds and the indexes partitions inherit
// land on the server as the file says, whichever way they come.
func TestRLSPartitionsDumpEqual(t *testing.T) {
	assertPairsDumpEqual(t, "29[0-5]_*", 6, "issue 12's row-level security and partitioning")
}
