;; The assignment step of the membership k-means (src/cluster/membership-kmeans.ts
;; `assignRows`) in WebAssembly with SIMD, a module of its own so that each
;; module stays below the 4 KB a browser compiles synchronously on its main
;; thread. It works in the memory of kernels.wat (imported). The same
;; operations in the same order as the JavaScript kernel (see kernels.wat):
;; bit-identical results, checked by tests/kernels.test.ts.
;;
;; Row a (item ITEMS[a]) has R set positions AT[item·R + q]; its dot product
;; with centre j is Σ_q SC[AT[…]·kp + j] (SC: value · centre, position-major,
;; kp = k rounded up to even), two centres per f64x2; then the nearest centre
;; and the bounds as in kernels.wat `assign` (every row has squared norm
;; `norm`). U/LO: bounds, S: centre shifts, L: labels (i32), DT: scratch.
(module
  (import "kernels" "memory" (memory 1))
  (func (export "assignMembership")
    (param $n i32) (param $r i32) (param $k i32) (param $AT i32) (param $ITEMS i32) (param $SC i32) (param $CN i32)
    (param $L i32) (param $U i32) (param $LO i32) (param $S i32) (param $DT i32) (param $norm f64)
    (param $useBounds i32) (param $maxShiftAt i32) (param $maxShift f64) (param $secondShift f64)
    (local $a i32) (local $j i32) (local $p i32) (local $q i32) (local $pairs i32) (local $kp8 i32) (local $base i32) (local $own i32) (local $best i32)
    (local $u f64) (local $lo f64) (local $nb f64) (local $dist f64) (local $bestDist f64) (local $secondDist f64)
    (local $s0 v128) (local $s1 v128) (local $o i32)
    (local.set $pairs (i32.shr_u (i32.add (local.get $k) (i32.const 1)) (i32.const 1)))
    (local.set $kp8 (i32.shl (i32.shl (local.get $pairs) (i32.const 1)) (i32.const 3)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $a) (local.get $n)))
        (block $next
          (if (local.get $useBounds)
            (then
              (local.set $own (i32.load (i32.add (local.get $L) (i32.shl (local.get $a) (i32.const 2)))))
              (local.set $u (f64.add
                (f64.load (i32.add (local.get $U) (i32.shl (local.get $a) (i32.const 3))))
                (f64.load (i32.add (local.get $S) (i32.shl (local.get $own) (i32.const 3))))))
              (f64.store (i32.add (local.get $U) (i32.shl (local.get $a) (i32.const 3))) (local.get $u))
              (local.set $lo (f64.sub
                (f64.load (i32.add (local.get $LO) (i32.shl (local.get $a) (i32.const 3))))
                (select (local.get $secondShift) (local.get $maxShift) (i32.eq (local.get $own) (local.get $maxShiftAt)))))
              (f64.store (i32.add (local.get $LO) (i32.shl (local.get $a) (i32.const 3))) (local.get $lo))
              ;; BOUND_MARGIN = 1e-5
              (br_if $next (f64.lt (f64.add (local.get $u) (f64.const 1e-5)) (local.get $lo)))))
          (local.set $base (i32.add (local.get $AT) (i32.shl
            (i32.mul (i32.load (i32.add (local.get $ITEMS) (i32.shl (local.get $a) (i32.const 2)))) (local.get $r)) (i32.const 2))))
          ;; Two pairs of centres at a time, then one.
          (local.set $p (i32.const 0))
          (block $twos
            (loop $two
              (br_if $twos (i32.gt_u (i32.add (local.get $p) (i32.const 2)) (local.get $pairs)))
              (local.set $s0 (v128.const f64x2 0 0))
              (local.set $s1 (v128.const f64x2 0 0))
              (local.set $q (i32.const 0))
              (block $qs
                (loop $ql
                  (br_if $qs (i32.ge_u (local.get $q) (local.get $r)))
                  (local.set $o (i32.add (i32.add (local.get $SC) (i32.shl (local.get $p) (i32.const 4)))
                    (i32.mul (i32.load (i32.add (local.get $base) (i32.shl (local.get $q) (i32.const 2)))) (local.get $kp8))))
                  (local.set $s0 (f64x2.add (local.get $s0) (v128.load (local.get $o))))
                  (local.set $s1 (f64x2.add (local.get $s1) (v128.load offset=16 (local.get $o))))
                  (local.set $q (i32.add (local.get $q) (i32.const 1)))
                  (br $ql)))
              (v128.store (i32.add (local.get $DT) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0))
              (v128.store offset=16 (i32.add (local.get $DT) (i32.shl (local.get $p) (i32.const 4))) (local.get $s1))
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (br $two)))
          (if (i32.lt_u (local.get $p) (local.get $pairs))
            (then
              (local.set $s0 (v128.const f64x2 0 0))
              (local.set $q (i32.const 0))
              (block $qs1
                (loop $ql1
                  (br_if $qs1 (i32.ge_u (local.get $q) (local.get $r)))
                  (local.set $s0 (f64x2.add (local.get $s0) (v128.load (i32.add (i32.add (local.get $SC) (i32.shl (local.get $p) (i32.const 4)))
                    (i32.mul (i32.load (i32.add (local.get $base) (i32.shl (local.get $q) (i32.const 2)))) (local.get $kp8))))))
                  (local.set $q (i32.add (local.get $q) (i32.const 1)))
                  (br $ql1)))
              (v128.store (i32.add (local.get $DT) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0))))
          (local.set $best (i32.const -1))
          (local.set $bestDist (f64.const 0x1.fffffffffffffp+1023))
          (local.set $secondDist (f64.const 0x1.fffffffffffffp+1023))
          (local.set $j (i32.const 0))
          (block $js
            (loop $jl
              (br_if $js (i32.ge_u (local.get $j) (local.get $k)))
              (local.set $nb (f64.load (i32.add (local.get $CN) (i32.shl (local.get $j) (i32.const 3)))))
              (local.set $dist
                (if (result f64) (i32.or (f64.eq (local.get $norm) (f64.const 0)) (f64.eq (local.get $nb) (f64.const 0)))
                  (then (f64.const 1))
                  (else (f64.sub (f64.const 1) (f64.div
                    (f64.load (i32.add (local.get $DT) (i32.shl (local.get $j) (i32.const 3))))
                    (f64.sqrt (f64.mul (local.get $norm) (local.get $nb))))))))
              (if (f64.lt (local.get $dist) (local.get $bestDist))
                (then
                  (local.set $secondDist (local.get $bestDist))
                  (local.set $bestDist (local.get $dist))
                  (local.set $best (local.get $j)))
                (else
                  (if (f64.lt (local.get $dist) (local.get $secondDist))
                    (then (local.set $secondDist (local.get $dist))))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $jl)))
          (i32.store (i32.add (local.get $L) (i32.shl (local.get $a) (i32.const 2))) (local.get $best))
          (f64.store (i32.add (local.get $U) (i32.shl (local.get $a) (i32.const 3)))
            (f64.sqrt (f64.max (f64.const 0) (f64.mul (f64.const 2) (local.get $bestDist)))))
          (f64.store (i32.add (local.get $LO) (i32.shl (local.get $a) (i32.const 3)))
            (if (result f64) (f64.eq (local.get $secondDist) (f64.const 0x1.fffffffffffffp+1023))
              (then (f64.const inf))
              (else (f64.sqrt (f64.max (f64.const 0) (f64.mul (f64.const 2) (local.get $secondDist))))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $row))))
)
