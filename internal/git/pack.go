package git

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A pack is one objects/pack/pack-*.pack with its version 2 index.
// See https://git-scm.com/docs/gitformat-pack.
type pack struct {
	idx, data *os.File
	count     int
	fanout    [256]uint32
}

// Pack object types.
const (
	objCommit   = 1
	objTree     = 2
	objBlob     = 3
	objTag      = 4
	objOfsDelta = 6
	objRefDelta = 7
)

var typeNames = [...]string{objCommit: "commit", objTree: "tree", objBlob: "blob", objTag: "tag"}

// maxDeltaChain bounds a delta chain; git's default depth is 50.
const maxDeltaChain = 4096

// object reads the object named id, loose or packed, and checks it against its name. An object
// not in the files is errUnsupported, not missing: git may have it elsewhere (a partial clone's
// promisor remote), and says so itself.
func (f *Files) object(id string) (Object, bool, error) {
	typ, data, found, err := f.readObject(id, 0)
	if err != nil {
		return Object{}, false, err
	}
	if !found {
		return Object{}, false, fmt.Errorf("%w: object %s is not in the files", errUnsupported, id)
	}
	h := sha1.New()
	fmt.Fprintf(h, "%s %d\x00", typ, len(data))
	h.Write(data)
	if got := hex.EncodeToString(h.Sum(nil)); got != id {
		return Object{}, false, fmt.Errorf("%w: object %s read back as %s", errUnsupported, id, got)
	}
	return Object{ID: id, Type: typ, Data: data}, true, nil
}

// readObject reads id's type and content, unchecked.
func (f *Files) readObject(id string, depth int) (string, []byte, bool, error) {
	if depth > maxDeltaChain {
		return "", nil, false, fmt.Errorf("%w: a delta chain longer than %d", errUnsupported, maxDeltaChain)
	}
	typ, data, found, err := f.loose(id)
	if err != nil || found {
		return typ, data, found, err
	}
	packs, err := f.openPacks()
	if err != nil {
		return "", nil, false, err
	}
	raw, err := hex.DecodeString(id)
	if err != nil {
		return "", nil, false, fmt.Errorf("%w: object name %q", errUnsupported, id)
	}
	for _, p := range packs {
		off, found, err := p.find(raw)
		if err != nil {
			return "", nil, false, err
		}
		if found {
			typ, data, err := f.unpack(p, off, depth)
			return typ, data, err == nil, err
		}
	}
	return "", nil, false, nil
}

// loose reads objects/xx/yyyy…, zlib-compressed "TYPE SIZE\0CONTENT".
func (f *Files) loose(id string) (string, []byte, bool, error) {
	file, err := os.Open(filepath.Join(f.commonDir, "objects", id[:2], id[2:]))
	if os.IsNotExist(err) {
		return "", nil, false, nil
	}
	if err != nil {
		return "", nil, false, fmt.Errorf("%w: %v", errUnsupported, err)
	}
	defer file.Close()
	z, err := f.inflater(file)
	if err != nil {
		return "", nil, false, fmt.Errorf("%w: loose object %s: %v", errUnsupported, id, err)
	}
	all, err := io.ReadAll(io.LimitReader(z, 1<<30))
	if err != nil {
		return "", nil, false, fmt.Errorf("%w: loose object %s: %v", errUnsupported, id, err)
	}
	header, data, ok := bytes.Cut(all, []byte{0})
	typ, size, ok2 := strings.Cut(string(header), " ")
	if n, err := strconv.Atoi(size); !ok || !ok2 || err != nil || n != len(data) {
		return "", nil, false, fmt.Errorf("%w: loose object %s has the header %q", errUnsupported, id, header)
	}
	return typ, data, true, nil
}

// openPacks opens every pack's index once.
func (f *Files) openPacks() ([]*pack, error) {
	if f.packsRead {
		return f.packs, nil
	}
	f.packsRead = true
	idxs, err := filepath.Glob(filepath.Join(f.commonDir, "objects", "pack", "pack-*.idx"))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnsupported, err)
	}
	for _, idx := range idxs {
		p, err := openPack(idx)
		if err != nil {
			return nil, err
		}
		f.packs = append(f.packs, p)
	}
	return f.packs, nil
}

// openPack opens a version 2 index and its pack.
func openPack(idxPath string) (*pack, error) {
	idx, err := os.Open(idxPath)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnsupported, err)
	}
	var head [8 + 256*4]byte
	if _, err := idx.ReadAt(head[:], 0); err != nil || !bytes.Equal(head[:8], []byte("\xfftOc\x00\x00\x00\x02")) {
		idx.Close()
		return nil, fmt.Errorf("%w: %s is not a version 2 pack index", errUnsupported, idxPath)
	}
	data, err := os.Open(strings.TrimSuffix(idxPath, ".idx") + ".pack")
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("%w: %v", errUnsupported, err)
	}
	p := &pack{idx: idx, data: data}
	for i := range p.fanout {
		p.fanout[i] = binary.BigEndian.Uint32(head[8+4*i:])
	}
	p.count = int(p.fanout[255])
	return p, nil
}

// close closes the pack's files.
func (p *pack) close() {
	p.idx.Close()
	p.data.Close()
}

// find looks id up in the index: a binary search among the names that start with its first
// byte. It returns the object's offset in the pack.
func (p *pack) find(id []byte) (int64, bool, error) {
	lo := 0
	if id[0] > 0 {
		lo = int(p.fanout[id[0]-1])
	}
	hi := int(p.fanout[id[0]])
	const names = 8 + 256*4
	var name [20]byte
	for lo < hi {
		mid := (lo + hi) / 2
		if _, err := p.idx.ReadAt(name[:], int64(names+20*mid)); err != nil {
			return 0, false, fmt.Errorf("%w: pack index: %v", errUnsupported, err)
		}
		switch c := bytes.Compare(name[:], id); {
		case c == 0:
			return p.offset(mid)
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false, nil
}

// offset reads the pack offset of the index's i-th object: 31 bits, or an index into the table
// of 64-bit offsets when the high bit is set.
func (p *pack) offset(i int) (int64, bool, error) {
	small := int64(8 + 256*4 + 24*p.count) // after the names and their CRCs
	var b [8]byte
	if _, err := p.idx.ReadAt(b[:4], small+4*int64(i)); err != nil {
		return 0, false, fmt.Errorf("%w: pack index: %v", errUnsupported, err)
	}
	off := binary.BigEndian.Uint32(b[:4])
	if off&0x80000000 == 0 {
		return int64(off), true, nil
	}
	large := small + 4*int64(p.count) + 8*int64(off&0x7fffffff)
	if _, err := p.idx.ReadAt(b[:], large); err != nil {
		return 0, false, fmt.Errorf("%w: pack index: %v", errUnsupported, err)
	}
	return int64(binary.BigEndian.Uint64(b[:])), true, nil
}

// unpack reads the object at off in p, applying its deltas.
func (f *Files) unpack(p *pack, off int64, depth int) (string, []byte, error) {
	if depth > maxDeltaChain {
		return "", nil, fmt.Errorf("%w: a delta chain longer than %d", errUnsupported, maxDeltaChain)
	}
	r := bufio.NewReaderSize(io.NewSectionReader(p.data, off, 1<<62), 4096) // the header, then the zlib stream
	c, err := r.ReadByte()
	if err != nil {
		return "", nil, fmt.Errorf("%w: pack: %v", errUnsupported, err)
	}
	typ, size, shift := int(c>>4)&7, uint64(c&15), 4
	for c&0x80 != 0 {
		if c, err = r.ReadByte(); err != nil || shift > 56 {
			return "", nil, fmt.Errorf("%w: pack object header at %d", errUnsupported, off)
		}
		size |= uint64(c&0x7f) << shift
		shift += 7
	}
	var baseType string
	var base []byte
	switch typ {
	case objCommit, objTree, objBlob, objTag:
		data, err := f.inflate(r, size)
		return typeNames[typ], data, err
	case objOfsDelta:
		c, err := r.ReadByte()
		back := int64(c & 0x7f)
		for err == nil && c&0x80 != 0 {
			c, err = r.ReadByte()
			back = (back+1)<<7 | int64(c&0x7f)
		}
		if err != nil || back <= 0 || back > off {
			return "", nil, fmt.Errorf("%w: pack delta at %d", errUnsupported, off)
		}
		baseType, base, err = f.unpack(p, off-back, depth+1)
		if err != nil {
			return "", nil, err
		}
	case objRefDelta:
		var id [20]byte
		if _, err := io.ReadFull(r, id[:]); err != nil {
			return "", nil, fmt.Errorf("%w: pack delta at %d", errUnsupported, off)
		}
		var found bool
		baseType, base, found, err = f.readObject(hex.EncodeToString(id[:]), depth+1)
		if err != nil || !found {
			return "", nil, fmt.Errorf("%w: the base of the pack delta at %d", errUnsupported, off)
		}
	default:
		return "", nil, fmt.Errorf("%w: pack object type %d at %d", errUnsupported, typ, off)
	}
	delta, err := f.inflate(r, size)
	if err != nil {
		return "", nil, err
	}
	data, err := applyDelta(base, delta)
	return baseType, data, err
}

// inflate reads the zlib stream that follows an entry's header: size bytes exactly.
func (f *Files) inflate(r io.Reader, size uint64) ([]byte, error) {
	if size > 1<<30 {
		return nil, fmt.Errorf("%w: a pack object of %d bytes", errUnsupported, size)
	}
	z, err := f.inflater(r)
	if err != nil {
		return nil, fmt.Errorf("%w: pack: %v", errUnsupported, err)
	}
	if size <= 1<<20 {
		data := make([]byte, size)
		if _, err := io.ReadFull(z, data); err != nil {
			return nil, fmt.Errorf("%w: pack: %v", errUnsupported, err)
		}
		return data, nil
	}
	// A larger object is grown as it is read, not allocated at the size its header claims,
	// which a damaged pack could make huge.
	data, err := io.ReadAll(io.LimitReader(z, int64(size)))
	if err != nil || uint64(len(data)) != size {
		return nil, fmt.Errorf("%w: pack: %d of %d bytes, %v", errUnsupported, len(data), size, err)
	}
	return data, nil
}

// inflater is a zlib reader of r: one reused for every object, since a new one allocates its
// window and tables, and a policy read inflates every object of a delta chain.
func (f *Files) inflater(r io.Reader) (io.Reader, error) {
	if f.zlib == nil {
		z, err := zlib.NewReader(r)
		if err == nil {
			f.zlib = z
		}
		return z, err
	}
	return f.zlib, f.zlib.(zlib.Resetter).Reset(r, nil)
}

// applyDelta rebuilds an object from its base and a delta: the sizes of both, then copies from
// the base and inserts of new bytes.
func applyDelta(base, delta []byte) ([]byte, error) {
	bad := fmt.Errorf("%w: a malformed pack delta", errUnsupported)
	varint := func() (uint64, bool) {
		var n uint64
		for shift := 0; len(delta) > 0 && shift < 64; shift += 7 {
			c := delta[0]
			delta = delta[1:]
			n |= uint64(c&0x7f) << shift
			if c&0x80 == 0 {
				return n, true
			}
		}
		return 0, false
	}
	srcSize, ok1 := varint()
	dstSize, ok2 := varint()
	if !ok1 || !ok2 || srcSize != uint64(len(base)) || dstSize > 1<<30 {
		return nil, bad
	}
	out := make([]byte, 0, min(dstSize, uint64(len(base)+len(delta)))) // grows if it must; the claim may lie
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		if op&0x80 == 0 { // insert the next op bytes
			n := int(op)
			if n == 0 || n > len(delta) {
				return nil, bad
			}
			out, delta = append(out, delta[:n]...), delta[n:]
			continue
		}
		var offset, size uint64
		for i := 0; i < 7; i++ { // four offset bytes, then three size bytes, each if its bit is set
			if op&(1<<i) == 0 {
				continue
			}
			if len(delta) == 0 {
				return nil, bad
			}
			if i < 4 {
				offset |= uint64(delta[0]) << (8 * i)
			} else {
				size |= uint64(delta[0]) << (8 * (i - 4))
			}
			delta = delta[1:]
		}
		if size == 0 {
			size = 0x10000
		}
		if offset+size > uint64(len(base)) {
			return nil, bad
		}
		out = append(out, base[offset:offset+size]...)
	}
	if uint64(len(out)) != dstSize {
		return nil, bad
	}
	return out, nil
}
