package change

import (
	"bufio"
	"errors"
	"io"
)

// lineReader reads newline-terminated lines of any length from a patch, without the newline.
// A line is valid until the next call.
type lineReader struct {
	r      *bufio.Reader
	long   []byte // holds a line longer than the buffer
	peeked []byte
	has    bool // peeked holds the next line
}

// next returns the next line, or io.EOF after the last.
func (l *lineReader) next() ([]byte, error) {
	if l.has {
		l.has = false
		return l.peeked, nil
	}
	return l.read()
}

// peek returns the next line and leaves it to be read again. The line stays valid until the call
// to next that returns it.
func (l *lineReader) peek() ([]byte, error) {
	if l.has {
		return l.peeked, nil
	}
	line, err := l.read()
	if err != nil {
		return nil, err
	}
	l.peeked, l.has = line, true
	return line, nil
}

// peekByte returns the first byte of the next line, or 0 at the end.
func (l *lineReader) peekByte() byte {
	if l.has {
		if len(l.peeked) == 0 {
			return 0
		}
		return l.peeked[0]
	}
	b, err := l.r.Peek(1)
	if err != nil {
		return 0
	}
	return b[0]
}

// read reads one line from the buffer, or gathers a long one.
func (l *lineReader) read() ([]byte, error) {
	line, err := l.r.ReadSlice('\n')
	if err == nil {
		return line[:len(line)-1], nil
	}
	if !errors.Is(err, bufio.ErrBufferFull) {
		if errors.Is(err, io.EOF) && len(line) > 0 {
			return line, nil // the last line has no newline
		}
		return nil, err
	}
	l.long = append(l.long[:0], line...)
	for errors.Is(err, bufio.ErrBufferFull) {
		line, err = l.r.ReadSlice('\n')
		l.long = append(l.long, line...)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if err == nil {
		l.long = l.long[:len(l.long)-1]
	}
	return l.long, nil
}
