package git

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzApplyDelta: any delta, however damaged, gives an object or errUnsupported, never a panic;
// and a delta that copies the whole base rebuilds it.
func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("hello, world\n"), []byte{13, 13, 0x90, 13})                    // copy 13 bytes from 0
	f.Add([]byte("abc"), []byte{3, 5, 0x80 | 0x10, 2, 3, 'x', 'y', 'z'})         // copy 2, insert xyz
	f.Add([]byte("abc"), []byte{3, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x91, 0, 0xff}) // a size that lies
	f.Add([]byte{}, []byte{0, 0})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		out, err := applyDelta(base, delta)
		if err != nil && !errors.Is(err, errUnsupported) {
			t.Fatalf("applyDelta: %v, not errUnsupported", err)
		}
		if err == nil && len(out) > len(base)*len(delta)+len(delta) {
			t.Fatalf("%d bytes from a %d-byte base and a %d-byte delta", len(out), len(base), len(delta))
		}
		if len(base) > 0 && len(base) < 0x10000 {
			whole := append(varint(uint64(len(base))), varint(uint64(len(base)))...)
			whole = append(whole, 0x80|0x10|0x20, byte(len(base)), byte(len(base)>>8))
			if got, err := applyDelta(base, whole); err != nil || !bytes.Equal(got, base) {
				t.Fatalf("a whole copy of %q = %q, %v", base, got, err)
			}
		}
	})
}

// varint is the size encoding of a delta's header: 7 bits a byte, low first.
func varint(n uint64) []byte {
	var b []byte
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	return append(b, byte(n))
}
