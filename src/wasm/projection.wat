;; The n-gram sums of the LSA projection (src/vectors/features.ts
;; `prepareProjection`) in WebAssembly with SIMD, a module of its own (each
;; module stays below the 4 KB a browser compiles synchronously on its main
;; thread) on the memory of kernels.wat (imported). The same operations in
;; the same order as the JavaScript loop (see kernels.wat): bit-identical,
;; checked by tests/kernels.test.ts.
;;
;; For each word type s: its n-grams POOL[STARTS[s]] … POOL[ENDS[s] - 1]
;; (term ids); an id's ROWAT is -2 (no column: skipped), -1 (a column
;; without a row of V: only its idf² counts) or the offset (in doubles) of
;; its row of V; SUMS[s·w …] = Σ idf · (row of V), two columns per f64x2,
;; SQUARES[s] = Σ idf², both in n-gram order. SUMS must be zero on entry.
;;
;; projectWords and projectTokens: one block of `projectPrepared` (the
;; projection of notes onto the LSA basis) for `count` notes, note a being
;; row ROWS[a] of the block, its part added to OUT[a·w …] and weight² to
;; TOTAL[a], the same operations per note in the same order as the
;; JavaScript loop (which runs the blocks note by note; each note's sums are
;; its own, so block by block gives the same bits). OPL: 1 + ln c for
;; c < 256, above that the imported `onePlusLog`. PART: w doubles of scratch.
;; projectWords (the n-gram block, read by word: WOFFSETS and SLOTS give a
;; note's word types) finds the n-grams repeated within a note with SEEN
;; (stamps: `stamp` + 1 is the first this call uses; it returns the last) and
;; GRAMS (counts), and lists them in REPEATS. projectTokens counts a note's
;; ids in COUNT (zero on entry and exit), listing them in TOUCHED.
(module
  (import "kernels" "memory" (memory 1))
  (import "kernels" "onePlusLog" (func $onePlusLogAbove (param f64) (result f64)))

  (func $onePlusLog (param $OPL i32) (param $c i32) (result f64)
    (if (result f64) (i32.lt_u (local.get $c) (i32.const 256))
      (then (f64.load (i32.add (local.get $OPL) (i32.shl (local.get $c) (i32.const 3)))))
      (else (call $onePlusLogAbove (f64.convert_i32_u (local.get $c))))))

  ;; OUT[0 … w) += value · ROW[0 … w), two columns per f64x2 (row = 8·w bytes, pairs = its whole 16-byte part).
  (func $addScaled (param $OUT i32) (param $ROW i32) (param $value f64) (param $row i32) (param $pairs i32)
    (local $j i32) (local $v v128)
    (local.set $v (f64x2.splat (local.get $value)))
    (block $pd
      (loop $pl
        (br_if $pd (i32.ge_u (local.get $j) (local.get $pairs)))
        (v128.store (i32.add (local.get $OUT) (local.get $j))
          (f64x2.add (v128.load (i32.add (local.get $OUT) (local.get $j)))
            (f64x2.mul (local.get $v) (v128.load (i32.add (local.get $ROW) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pl)))
    (if (i32.lt_u (local.get $j) (local.get $row))
      (then
        (f64.store (i32.add (local.get $OUT) (local.get $j))
          (f64.add (f64.load (i32.add (local.get $OUT) (local.get $j)))
            (f64.mul (local.get $value) (f64.load (i32.add (local.get $ROW) (local.get $j)))))))))

  ;; A note's block part, scaled to unit length times `weight`, into OUT; weight² into TOTAL.
  (func $finish (param $OUT i32) (param $PART i32) (param $TOTAL i32) (param $sq f64) (param $weight f64) (param $row i32) (param $pairs i32)
    (call $addScaled (local.get $OUT) (local.get $PART) (f64.div (local.get $weight) (f64.sqrt (local.get $sq))) (local.get $row) (local.get $pairs))
    (f64.store (local.get $TOTAL) (f64.add (f64.load (local.get $TOTAL)) (f64.mul (local.get $weight) (local.get $weight)))))

  (func (export "projectWords")
    (param $count i32) (param $w i32) (param $ROWS i32) (param $WOFFSETS i32) (param $SLOTS i32) (param $POOL i32)
    (param $STARTS i32) (param $ENDS i32) (param $SUMS i32) (param $SQUARES i32) (param $ROWAT i32) (param $IDF i32)
    (param $V i32) (param $OPL i32) (param $SEEN i32) (param $GRAMS i32) (param $REPEATS i32) (param $PART i32)
    (param $weight f64) (param $OUT i32) (param $TOTAL i32) (param $stamp i32) (result i32)
    (local $a i32) (local $i i32) (local $x i32) (local $last i32) (local $s i32) (local $p i32) (local $end i32)
    (local $id i32) (local $at i32) (local $c i32) (local $repeated i32) (local $r i32) (local $bo i32)
    (local $row i32) (local $pairs i32) (local $sq f64) (local $l f64) (local $idf f64) (local $cf f64)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $row) (i32.const -16)))
    (block $done (loop $note
      (br_if $done (i32.ge_u (local.get $a) (local.get $count)))
      (block $next
        (local.set $i (i32.load (i32.add (local.get $ROWS) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $x (i32.load (i32.add (local.get $WOFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $last (i32.load (i32.add (local.get $WOFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (local.set $sq (f64.const 0))
        (local.set $p (local.get $x))
        (block $sqd (loop $sql
          (br_if $sqd (i32.ge_u (local.get $p) (local.get $last)))
          (local.set $sq
            (f64.add (local.get $sq)
              (f64.load (i32.add (local.get $SQUARES)
                (i32.shl (i32.load (i32.add (local.get $SLOTS) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 3))))))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $sql)))
        ;; every n-gram that is a column has idf ≥ 1: no column at all is a sum of 0
        (br_if $next (f64.eq (local.get $sq) (f64.const 0)))
        (memory.fill (local.get $PART) (i32.const 0) (local.get $row))
        (local.set $repeated (i32.const 0))
        (local.set $stamp (i32.add (local.get $stamp) (i32.const 1)))
        (block $wd (loop $wl
          (br_if $wd (i32.ge_u (local.get $x) (local.get $last)))
          (local.set $s (i32.load (i32.add (local.get $SLOTS) (i32.shl (local.get $x) (i32.const 2)))))
          (call $addScaled (local.get $PART) (i32.add (local.get $SUMS) (i32.mul (local.get $s) (local.get $row))) (f64.const 1) (local.get $row) (local.get $pairs))
          (local.set $p (i32.load (i32.add (local.get $STARTS) (i32.shl (local.get $s) (i32.const 2)))))
          (local.set $end (i32.load (i32.add (local.get $ENDS) (i32.shl (local.get $s) (i32.const 2)))))
          (block $gd (loop $gl
            (br_if $gd (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $id (i32.load (i32.add (local.get $POOL) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $at (i32.shl (local.get $id) (i32.const 2)))
            (if (i32.ne (i32.load (i32.add (local.get $SEEN) (local.get $at))) (local.get $stamp))
              (then
                (i32.store (i32.add (local.get $SEEN) (local.get $at)) (local.get $stamp))
                (i32.store (i32.add (local.get $GRAMS) (local.get $at)) (i32.const 1)))
              (else
                (local.set $c (i32.add (i32.load (i32.add (local.get $GRAMS) (local.get $at))) (i32.const 1)))
                (i32.store (i32.add (local.get $GRAMS) (local.get $at)) (local.get $c))
                (if (i32.eq (local.get $c) (i32.const 2))
                  (then
                    (i32.store (i32.add (local.get $REPEATS) (i32.shl (local.get $repeated) (i32.const 2))) (local.get $id))
                    (local.set $repeated (i32.add (local.get $repeated) (i32.const 1)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $gl)))
          (local.set $x (i32.add (local.get $x) (i32.const 1)))
          (br $wl)))
        ;; n-grams repeated in the note: ((1 + ln c) − c) · idf times their row of V on top of the words' sums
        (local.set $r (i32.const 0))
        (block $rd (loop $rl
          (br_if $rd (i32.ge_u (local.get $r) (local.get $repeated)))
          (block $skip
            (local.set $id (i32.load (i32.add (local.get $REPEATS) (i32.shl (local.get $r) (i32.const 2)))))
            (local.set $bo (i32.load (i32.add (local.get $ROWAT) (i32.shl (local.get $id) (i32.const 2)))))
            (br_if $skip (i32.eq (local.get $bo) (i32.const -2)))
            (local.set $c (i32.load (i32.add (local.get $GRAMS) (i32.shl (local.get $id) (i32.const 2)))))
            (local.set $cf (f64.convert_i32_s (local.get $c)))
            (local.set $idf (f64.load (i32.add (local.get $IDF) (i32.shl (local.get $id) (i32.const 3)))))
            (local.set $l (call $onePlusLog (local.get $OPL) (local.get $c)))
            (local.set $sq
              (f64.add (local.get $sq)
                (f64.mul (f64.mul (f64.sub (f64.mul (local.get $l) (local.get $l)) (local.get $cf)) (local.get $idf)) (local.get $idf))))
            (br_if $skip (i32.lt_s (local.get $bo) (i32.const 0)))
            (call $addScaled (local.get $PART) (i32.add (local.get $V) (i32.shl (local.get $bo) (i32.const 3)))
              (f64.mul (f64.sub (local.get $l) (local.get $cf)) (local.get $idf)) (local.get $row) (local.get $pairs)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $rl)))
        (call $finish (i32.add (local.get $OUT) (i32.mul (local.get $a) (local.get $row))) (local.get $PART)
          (i32.add (local.get $TOTAL) (i32.shl (local.get $a) (i32.const 3))) (local.get $sq) (local.get $weight) (local.get $row) (local.get $pairs)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $note)))
    (local.get $stamp))

  (func (export "projectTokens")
    (param $count i32) (param $w i32) (param $ROWS i32) (param $OFFSETS i32) (param $TOKENS i32) (param $ROWAT i32)
    (param $IDF i32) (param $V i32) (param $OPL i32) (param $COUNT i32) (param $TOUCHED i32) (param $PART i32)
    (param $weight f64) (param $OUT i32) (param $TOTAL i32)
    (local $a i32) (local $i i32) (local $t i32) (local $end i32) (local $id i32) (local $at i32) (local $c i32)
    (local $distinct i32) (local $d i32) (local $bo i32) (local $row i32) (local $pairs i32) (local $sq f64) (local $value f64)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $row) (i32.const -16)))
    (block $done (loop $note
      (br_if $done (i32.ge_u (local.get $a) (local.get $count)))
      (block $next
        (local.set $i (i32.load (i32.add (local.get $ROWS) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $t (i32.load (i32.add (local.get $OFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $OFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (local.set $distinct (i32.const 0))
        (block $td (loop $tl
          (br_if $td (i32.ge_u (local.get $t) (local.get $end)))
          (block $skip
            (local.set $id (i32.load (i32.add (local.get $TOKENS) (i32.shl (local.get $t) (i32.const 2)))))
            (local.set $at (i32.shl (local.get $id) (i32.const 2)))
            (br_if $skip (i32.eq (i32.load (i32.add (local.get $ROWAT) (local.get $at))) (i32.const -2)))
            (local.set $c (i32.load (i32.add (local.get $COUNT) (local.get $at))))
            (if (i32.eqz (local.get $c))
              (then
                (i32.store (i32.add (local.get $TOUCHED) (i32.shl (local.get $distinct) (i32.const 2))) (local.get $id))
                (local.set $distinct (i32.add (local.get $distinct) (i32.const 1)))))
            (i32.store (i32.add (local.get $COUNT) (local.get $at)) (i32.add (local.get $c) (i32.const 1))))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br $tl)))
        (br_if $next (i32.eqz (local.get $distinct)))
        (memory.fill (local.get $PART) (i32.const 0) (local.get $row))
        (local.set $sq (f64.const 0))
        (local.set $d (i32.const 0))
        (block $dd (loop $dl
          (br_if $dd (i32.ge_u (local.get $d) (local.get $distinct)))
          (local.set $id (i32.load (i32.add (local.get $TOUCHED) (i32.shl (local.get $d) (i32.const 2)))))
          (local.set $at (i32.shl (local.get $id) (i32.const 2)))
          (local.set $value
            (f64.mul (call $onePlusLog (local.get $OPL) (i32.load (i32.add (local.get $COUNT) (local.get $at))))
              (f64.load (i32.add (local.get $IDF) (i32.shl (local.get $id) (i32.const 3))))))
          (i32.store (i32.add (local.get $COUNT) (local.get $at)) (i32.const 0))
          (local.set $sq (f64.add (local.get $sq) (f64.mul (local.get $value) (local.get $value))))
          (local.set $bo (i32.load (i32.add (local.get $ROWAT) (local.get $at))))
          (if (i32.ge_s (local.get $bo) (i32.const 0))
            (then
              (call $addScaled (local.get $PART) (i32.add (local.get $V) (i32.shl (local.get $bo) (i32.const 3)))
                (local.get $value) (local.get $row) (local.get $pairs))))
          (local.set $d (i32.add (local.get $d) (i32.const 1)))
          (br $dl)))
        (call $finish (i32.add (local.get $OUT) (i32.mul (local.get $a) (local.get $row))) (local.get $PART)
          (i32.add (local.get $TOTAL) (i32.shl (local.get $a) (i32.const 3))) (local.get $sq) (local.get $weight) (local.get $row) (local.get $pairs)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $note))))

  (func (export "ngramSums")
    (param $types i32) (param $w i32) (param $POOL i32) (param $STARTS i32) (param $ENDS i32) (param $ROWAT i32)
    (param $IDF i32) (param $V i32) (param $SUMS i32) (param $SQUARES i32)
    (local $s i32) (local $p i32) (local $end i32) (local $id i32) (local $bo i32) (local $o i32) (local $j i32)
    (local $row i32) (local $pairs i32) (local $b i32) (local $value f64) (local $sq f64) (local $v v128)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $row) (i32.const -16)))
    (local.set $o (local.get $SUMS))
    (block $done
      (loop $type
        (br_if $done (i32.ge_u (local.get $s) (local.get $types)))
        (local.set $p (i32.load (i32.add (local.get $STARTS) (i32.shl (local.get $s) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $ENDS) (i32.shl (local.get $s) (i32.const 2)))))
        (local.set $sq (f64.const 0))
        (block $grams
          (loop $gram
            (br_if $grams (i32.ge_u (local.get $p) (local.get $end)))
            (block $skip
              (local.set $id (i32.load (i32.add (local.get $POOL) (i32.shl (local.get $p) (i32.const 2)))))
              (local.set $bo (i32.load (i32.add (local.get $ROWAT) (i32.shl (local.get $id) (i32.const 2)))))
              (br_if $skip (i32.eq (local.get $bo) (i32.const -2)))
              (local.set $value (f64.load (i32.add (local.get $IDF) (i32.shl (local.get $id) (i32.const 3)))))
              (local.set $sq (f64.add (local.get $sq) (f64.mul (local.get $value) (local.get $value))))
              (br_if $skip (i32.lt_s (local.get $bo) (i32.const 0)))
              ;; $addScaled written into the loop: a call per n-gram is not inlined by V8 11
              (local.set $v (f64x2.splat (local.get $value)))
              (local.set $b (i32.add (local.get $V) (i32.shl (local.get $bo) (i32.const 3))))
              (local.set $j (i32.const 0))
              (block $pd
                (loop $pl
                  (br_if $pd (i32.ge_u (local.get $j) (local.get $pairs)))
                  (v128.store (i32.add (local.get $o) (local.get $j))
                    (f64x2.add (v128.load (i32.add (local.get $o) (local.get $j)))
                      (f64x2.mul (local.get $v) (v128.load (i32.add (local.get $b) (local.get $j))))))
                  (local.set $j (i32.add (local.get $j) (i32.const 16)))
                  (br $pl)))
              (if (i32.lt_u (local.get $j) (local.get $row))
                (then
                  (f64.store (i32.add (local.get $o) (local.get $j))
                    (f64.add (f64.load (i32.add (local.get $o) (local.get $j)))
                      (f64.mul (local.get $value) (f64.load (i32.add (local.get $b) (local.get $j)))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $gram)))
        (f64.store (i32.add (local.get $SQUARES) (i32.shl (local.get $s) (i32.const 3))) (local.get $sq))
        (local.set $o (i32.add (local.get $o) (local.get $row)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $type))))
)
