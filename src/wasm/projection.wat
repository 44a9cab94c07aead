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
(module
  (import "kernels" "memory" (memory 1))
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
