;; Document frequencies of term ids (src/vectors/vocabulary.ts
;; `vocabularyOfIds`) in WebAssembly, a module of its own on the memory of
;; kernels.wat (imported), below 4 KB. The same additions in the same order
;; as the JavaScript loop (each note's weight added once per distinct id, in
;; token order), so the same counts (tests/kernels.test.ts).
;;
;; Note i's ids: by tokens, TOKENS[OFFSETS[i]] … TOKENS[OFFSETS[i + 1] - 1];
;; by words (`byWords`), for each x in WOFFSETS[i] … WOFFSETS[i + 1] - 1 the
;; ids POOL[STARTS[s]] … POOL[ENDS[s] - 1] of word type s = SLOTS[x].
;; WEIGHTS: a double per note, or 0 for weight 1 each. LAST (an i32 per id)
;; must hold -1 and COUNTS (a double per id) 0 on entry. A call counts the
;; notes `first` … `rows` − 1 (the caller makes several calls, so that V8's
;; optimised code runs the later ones), adding to COUNTS.
;;
;; tfidfRows: the unit TF-IDF rows of notes `first` … `rows` − 1
;; (src/vectors/tfidf.ts `tfidfOfIds`), the same operations in the same
;; order: a note's ids as columns (COLUMNS: one per id, -1 for none), counted
;; in COUNT (an i32 per column, zero on entry and exit) and listed in
;; TOUCHED, sorted ascending (Shell's sort: any sort gives the same order of
;; distinct columns), each written to INDICES/VALUES from entry `p` on as
;; (1 + ln count) · IDF[column] (OPL: 1 + ln c for c < 256, the imported
;; `onePlusLog` above), then scaled to unit length; INDPTR[i + 1] = the end
;; of note i's entries. Returns the next free entry.
;;
;; groupBags: notes `first` … `rows` − 1 into groups of equal term bags
;; (src/vectors/vocabulary.ts `groupBags`, the same groups): a note's ids
;; (each once when `repeats` is 0, LAST then an i32 per id, -1 on entry)
;; sorted into BAG, hashed (FNV-1a), looked up in the open-addressing table
;; SLOTHASH/SLOTGROUP (mask + 1 slots; group + 1, 0 when empty, zero on
;; entry) and compared with the earlier groups of that hash (SAMEHASH
;; chains them); a new group's sorted ids go to POOL from POOLSTART[group].
;; OWNER[i] is the note's group, UNIQUE[group] its first note. `groups` are
;; there already (POOLSTART[groups] is the pool's end); returns the count.
(module
  (import "kernels" "memory" (memory 1))
  (import "kernels" "onePlusLog" (func $onePlusLogAbove (param f64) (result f64)))

  (func $weight (param $WEIGHTS i32) (param $i i32) (result f64)
    (if (result f64) (local.get $WEIGHTS)
      (then (f64.load (i32.add (local.get $WEIGHTS) (i32.shl (local.get $i) (i32.const 3)))))
      (else (f64.const 1))))

  (func (export "documentFrequencies")
    (param $first i32) (param $rows i32) (param $OFFSETS i32) (param $TOKENS i32) (param $WEIGHTS i32) (param $LAST i32) (param $COUNTS i32)
    (local $i i32) (local $t i32) (local $end i32) (local $w f64) (local $id i32) (local $at i32)
    (local.set $i (local.get $first))
    (block $done (loop $row
      (br_if $done (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $w (call $weight (local.get $WEIGHTS) (local.get $i)))
      (local.set $t (i32.load (i32.add (local.get $OFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (local.get $OFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $tokensDone (loop $token
        (br_if $tokensDone (i32.ge_s (local.get $t) (local.get $end)))
        (local.set $id (i32.load (i32.add (local.get $TOKENS) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $at (i32.add (local.get $LAST) (i32.shl (local.get $id) (i32.const 2))))
        (if (i32.ne (i32.load (local.get $at)) (local.get $i))
          (then
            (i32.store (local.get $at) (local.get $i))
            (local.set $at (i32.add (local.get $COUNTS) (i32.shl (local.get $id) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $w)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $token)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row))))

  (func (export "documentFrequenciesByWords")
    (param $first i32) (param $rows i32) (param $WOFFSETS i32) (param $SLOTS i32) (param $STARTS i32) (param $ENDS i32) (param $POOL i32)
    (param $WEIGHTS i32) (param $LAST i32) (param $COUNTS i32)
    (local $i i32) (local $x i32) (local $xend i32) (local $s i32) (local $t i32) (local $end i32) (local $w f64)
    (local $id i32) (local $at i32)
    (local.set $i (local.get $first))
    (block $done (loop $row
      (br_if $done (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $w (call $weight (local.get $WEIGHTS) (local.get $i)))
      (local.set $x (i32.load (i32.add (local.get $WOFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $xend (i32.load (i32.add (local.get $WOFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $wordsDone (loop $word
        (br_if $wordsDone (i32.ge_s (local.get $x) (local.get $xend)))
        (local.set $s (i32.shl (i32.load (i32.add (local.get $SLOTS) (i32.shl (local.get $x) (i32.const 2)))) (i32.const 2)))
        (local.set $t (i32.load (i32.add (local.get $STARTS) (local.get $s))))
        (local.set $end (i32.load (i32.add (local.get $ENDS) (local.get $s))))
        (block $idsDone (loop $id
          (br_if $idsDone (i32.ge_s (local.get $t) (local.get $end)))
          (local.set $id (i32.load (i32.add (local.get $POOL) (i32.shl (local.get $t) (i32.const 2)))))
          (local.set $at (i32.add (local.get $LAST) (i32.shl (local.get $id) (i32.const 2))))
          (if (i32.ne (i32.load (local.get $at)) (local.get $i))
            (then
              (i32.store (local.get $at) (local.get $i))
              (local.set $at (i32.add (local.get $COUNTS) (i32.shl (local.get $id) (i32.const 3))))
              (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $w)))))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br $id)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $word)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row))))

  (func (export "tfidfRows")
    (param $first i32) (param $rows i32) (param $OFFSETS i32) (param $TOKENS i32) (param $COLUMNS i32) (param $IDF i32)
    (param $OPL i32) (param $COUNT i32) (param $TOUCHED i32) (param $INDPTR i32) (param $INDICES i32) (param $VALUES i32)
    (param $p i32) (result i32)
    (local $i i32) (local $t i32) (local $end i32) (local $col i32) (local $at i32) (local $c i32) (local $distinct i32)
    (local $from i32) (local $q i32) (local $sum f64) (local $v f64)
    (local.set $i (local.get $first))
    (block $done (loop $row
      (br_if $done (i32.ge_s (local.get $i) (local.get $rows)))
      ;; count the note's columns, listing each the first time
      (local.set $distinct (i32.const 0))
      (local.set $t (i32.load (i32.add (local.get $OFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (local.get $OFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $counted (loop $token
        (br_if $counted (i32.ge_s (local.get $t) (local.get $end)))
        (local.set $col
          (i32.load (i32.add (local.get $COLUMNS)
            (i32.shl (i32.load (i32.add (local.get $TOKENS) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 2)))))
        (if (i32.ge_s (local.get $col) (i32.const 0))
          (then
            (local.set $at (i32.add (local.get $COUNT) (i32.shl (local.get $col) (i32.const 2))))
            (local.set $c (i32.load (local.get $at)))
            (if (i32.eqz (local.get $c))
              (then
                (i32.store (i32.add (local.get $TOUCHED) (i32.shl (local.get $distinct) (i32.const 2))) (local.get $col))
                (local.set $distinct (i32.add (local.get $distinct) (i32.const 1)))))
            (i32.store (local.get $at) (i32.add (local.get $c) (i32.const 1)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $token)))
      (call $sortInts (local.get $TOUCHED) (local.get $distinct))
      ;; the entries, then unit length
      (local.set $from (local.get $p))
      (local.set $q (i32.const 0))
      (block $written (loop $entry
        (br_if $written (i32.ge_s (local.get $q) (local.get $distinct)))
        (local.set $col (i32.load (i32.add (local.get $TOUCHED) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $at (i32.add (local.get $COUNT) (i32.shl (local.get $col) (i32.const 2))))
        (local.set $c (i32.load (local.get $at)))
        (i32.store (local.get $at) (i32.const 0))
        (i32.store (i32.add (local.get $INDICES) (i32.shl (local.get $p) (i32.const 2))) (local.get $col))
        (f64.store (i32.add (local.get $VALUES) (i32.shl (local.get $p) (i32.const 3)))
          (f64.mul
            (if (result f64) (i32.lt_u (local.get $c) (i32.const 256))
              (then (f64.load (i32.add (local.get $OPL) (i32.shl (local.get $c) (i32.const 3)))))
              (else (call $onePlusLogAbove (f64.convert_i32_u (local.get $c)))))
            (f64.load (i32.add (local.get $IDF) (i32.shl (local.get $col) (i32.const 3))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $entry)))
      (local.set $sum (f64.const 0))
      (local.set $q (local.get $from))
      (block $summed (loop $square
        (br_if $summed (i32.ge_s (local.get $q) (local.get $p)))
        (local.set $v (f64.load (i32.add (local.get $VALUES) (i32.shl (local.get $q) (i32.const 3)))))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $v) (local.get $v))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $square)))
      (if (f64.gt (local.get $sum) (f64.const 0))
        (then
          (local.set $v (f64.div (f64.const 1) (f64.sqrt (local.get $sum))))
          (local.set $q (local.get $from))
          (block $scaled (loop $scale
            (br_if $scaled (i32.ge_s (local.get $q) (local.get $p)))
            (local.set $at (i32.add (local.get $VALUES) (i32.shl (local.get $q) (i32.const 3))))
            (f64.store (local.get $at) (f64.mul (f64.load (local.get $at)) (local.get $v)))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $scale)))))
      (i32.store (i32.add (local.get $INDPTR) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2))) (local.get $p))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row)))
    (local.get $p))

  ;; Shell's sort of the first n i32 at A, ascending (gaps 1, 4, 13, 40, …).
  (func $sortInts (param $A i32) (param $n i32)
    (local $h i32) (local $a i32) (local $b i32) (local $x i32) (local $c i32)
    (local.set $h (i32.const 1))
    (block $gapsDone (loop $gaps
      (br_if $gapsDone (i32.ge_s (i32.mul (local.get $h) (i32.const 3)) (local.get $n)))
      (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 3)) (i32.const 1)))
      (br $gaps)))
    (block $sorted (loop $gap
      (br_if $sorted (i32.lt_s (local.get $h) (i32.const 1)))
      (local.set $a (local.get $h))
      (block $passDone (loop $pass
        (br_if $passDone (i32.ge_s (local.get $a) (local.get $n)))
        (local.set $x (i32.load (i32.add (local.get $A) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $b (local.get $a))
        (block $placed (loop $shift
          (br_if $placed (i32.lt_s (local.get $b) (local.get $h)))
          (local.set $c (i32.load (i32.add (local.get $A) (i32.shl (i32.sub (local.get $b) (local.get $h)) (i32.const 2)))))
          (br_if $placed (i32.le_s (local.get $c) (local.get $x)))
          (i32.store (i32.add (local.get $A) (i32.shl (local.get $b) (i32.const 2))) (local.get $c))
          (local.set $b (i32.sub (local.get $b) (local.get $h)))
          (br $shift)))
        (i32.store (i32.add (local.get $A) (i32.shl (local.get $b) (i32.const 2))) (local.get $x))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $pass)))
      (local.set $h (i32.div_s (local.get $h) (i32.const 3)))
      (br $gap))))

  (func (export "groupBags")
    (param $first i32) (param $rows i32) (param $repeats i32) (param $OFFSETS i32) (param $TOKENS i32) (param $LAST i32)
    (param $BAG i32) (param $mask i32) (param $SLOTHASH i32) (param $SLOTGROUP i32) (param $SAMEHASH i32) (param $POOL i32)
    (param $POOLSTART i32) (param $OWNER i32) (param $UNIQUE i32) (param $groups i32) (result i32)
    (local $i i32) (local $t i32) (local $end i32) (local $id i32) (local $size i32) (local $h i32) (local $a i32)
    (local $slot i32) (local $latest i32) (local $g i32) (local $from i32) (local $to i32) (local $same i32) (local $at i32)
    (local.set $i (local.get $first))
    (block $done (loop $row
      (br_if $done (i32.ge_s (local.get $i) (local.get $rows)))
      ;; the note's bag
      (local.set $size (i32.const 0))
      (local.set $t (i32.load (i32.add (local.get $OFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (local.get $OFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $bagDone (loop $token
        (br_if $bagDone (i32.ge_s (local.get $t) (local.get $end)))
        (block $next
          (local.set $id (i32.load (i32.add (local.get $TOKENS) (i32.shl (local.get $t) (i32.const 2)))))
          (if (i32.eqz (local.get $repeats))
            (then
              (local.set $at (i32.add (local.get $LAST) (i32.shl (local.get $id) (i32.const 2))))
              (br_if $next (i32.eq (i32.load (local.get $at)) (local.get $i)))
              (i32.store (local.get $at) (local.get $i))))
          (i32.store (i32.add (local.get $BAG) (i32.shl (local.get $size) (i32.const 2))) (local.get $id))
          (local.set $size (i32.add (local.get $size) (i32.const 1))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $token)))
      (call $sortInts (local.get $BAG) (local.get $size))
      (local.set $h (i32.xor (i32.const 0x811c9dc5) (local.get $size)))
      (local.set $a (i32.const 0))
      (block $hashed (loop $hash
        (br_if $hashed (i32.ge_s (local.get $a) (local.get $size)))
        (local.set $h
          (i32.mul (i32.xor (local.get $h) (i32.load (i32.add (local.get $BAG) (i32.shl (local.get $a) (i32.const 2)))))
            (i32.const 0x01000193)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $hash)))
      ;; the slot of the hash, then the groups of that hash from the latest
      (local.set $slot
        (i32.and (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x85ebca6b)) (local.get $mask)))
      (block $found (loop $probe
        (br_if $found (i32.eqz (i32.load (i32.add (local.get $SLOTGROUP) (i32.shl (local.get $slot) (i32.const 2))))))
        (br_if $found (i32.eq (i32.load (i32.add (local.get $SLOTHASH) (i32.shl (local.get $slot) (i32.const 2)))) (local.get $h)))
        (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
        (br $probe)))
      (local.set $latest (i32.sub (i32.load (i32.add (local.get $SLOTGROUP) (i32.shl (local.get $slot) (i32.const 2)))) (i32.const 1)))
      (local.set $g (local.get $latest))
      (block $matched (loop $candidate
        (br_if $matched (i32.lt_s (local.get $g) (i32.const 0)))
        (local.set $from (i32.load (i32.add (local.get $POOLSTART) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $to (i32.load (i32.add (local.get $POOLSTART) (i32.shl (i32.add (local.get $g) (i32.const 1)) (i32.const 2)))))
        (local.set $same (i32.eq (i32.sub (local.get $to) (local.get $from)) (local.get $size)))
        (local.set $a (i32.const 0))
        (block $compared (loop $compare
          (br_if $compared (i32.or (i32.eqz (local.get $same)) (i32.ge_s (local.get $a) (local.get $size))))
          (local.set $same
            (i32.eq (i32.load (i32.add (local.get $POOL) (i32.shl (i32.add (local.get $from) (local.get $a)) (i32.const 2))))
              (i32.load (i32.add (local.get $BAG) (i32.shl (local.get $a) (i32.const 2))))))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $compare)))
        (br_if $matched (local.get $same))
        (local.set $g (i32.load (i32.add (local.get $SAMEHASH) (i32.shl (local.get $g) (i32.const 2)))))
        (br $candidate)))
      (if (i32.lt_s (local.get $g) (i32.const 0))
        (then
          ;; a new group
          (local.set $g (local.get $groups))
          (local.set $groups (i32.add (local.get $groups) (i32.const 1)))
          (i32.store (i32.add (local.get $UNIQUE) (i32.shl (local.get $g) (i32.const 2))) (local.get $i))
          (i32.store (i32.add (local.get $SAMEHASH) (i32.shl (local.get $g) (i32.const 2))) (local.get $latest))
          (i32.store (i32.add (local.get $SLOTHASH) (i32.shl (local.get $slot) (i32.const 2))) (local.get $h))
          (i32.store (i32.add (local.get $SLOTGROUP) (i32.shl (local.get $slot) (i32.const 2))) (i32.add (local.get $g) (i32.const 1)))
          (local.set $from (i32.load (i32.add (local.get $POOLSTART) (i32.shl (local.get $g) (i32.const 2)))))
          (memory.copy (i32.add (local.get $POOL) (i32.shl (local.get $from) (i32.const 2))) (local.get $BAG) (i32.shl (local.get $size) (i32.const 2)))
          (i32.store (i32.add (local.get $POOLSTART) (i32.shl (local.get $groups) (i32.const 2))) (i32.add (local.get $from) (local.get $size)))))
      (i32.store (i32.add (local.get $OWNER) (i32.shl (local.get $i) (i32.const 2))) (local.get $g))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row)))
    (local.get $groups))
)
