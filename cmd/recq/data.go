package main

import (
	"fmt"

	"github.com/recq/recq/record"
)

// keys remembers which --data file holds each filename and
// interactionGUID, so that a record given in two files is refused as one
// given twice in a file is: the store would serve it twice, and a DELETE
// answered 204 would leave the other copy listed.
type keys struct {
	files, transcripts map[string]string // key → the path holding it
}

// add records the keys of path's records, or says which one an earlier
// file holds.
func (k *keys) add(path string, files []record.File, transcripts []record.Transcript) error {
	if k.files == nil {
		k.files, k.transcripts = map[string]string{}, map[string]string{}
	}
	for i := range files {
		if err := k.once(k.files, path, "filename", files[i].Filename, i+1, "file"); err != nil {
			return err
		}
	}
	for i := range transcripts {
		if err := k.once(k.transcripts, path, "interactionGUID", transcripts[i].InteractionGUID, i+1, "transcript"); err != nil {
			return err
		}
	}
	return nil
}

func (k *keys) once(seen map[string]string, path, name, key string, nth int, what string) error {
	if earlier, dup := seen[key]; dup {
		return fmt.Errorf("%s: %s %d: duplicate %s %q: %s has it too; give each record once", path, what, nth, name, key, earlier)
	}
	seen[key] = path
	return nil
}
