;; The k-means kernels of src/cluster/kmeans.ts in WebAssembly with SIMD
;; (kernels.ts loads them; the JavaScript functions stay as the fallback).
;;
;; Every number is computed with the same operations in the same order as
;; the JavaScript kernels, so both give bit-identical results: the two lanes
;; of an f64x2 hold two *different* sums (two centres, or two dimensions),
;; each added up term by term in the JavaScript order; there is no fused
;; multiply-add and no reassociation. tests/kernels.test.ts checks it.
;;
;; Memory: one linear memory, laid out by kernels.ts (byte offsets below).
;; Centres are stored in pairs, interleaved by dimension: pair p, dimension d
;; at P + (p·dim + d)·16 holds (centre 2p, centre 2p+1); an odd k has a zero
;; second lane in its last pair.
(module
  (memory (export "memory") 1)

  ;; The assignment step (kmeans.ts `assignStep`): each of the n vectors to
  ;; its nearest centre by cosine, skipped where the distance bounds decide.
  ;; D: vectors (n × dim, row-major), N: their squared norms, P: centre pairs,
  ;; CN: centres' squared norms, IN: their inverse norms, L: labels (i32),
  ;; U/LO: upper and lower bounds, S: centre shifts, DT/CS: scratch (k each,
  ;; rounded up to pairs).
  (func (export "assign")
    (param $n i32) (param $dim i32) (param $k i32)
    (param $D i32) (param $N i32) (param $P i32) (param $CN i32) (param $IN i32)
    (param $L i32) (param $U i32) (param $LO i32) (param $S i32) (param $DT i32) (param $CS i32)
    (param $useBounds i32) (param $maxShiftAt i32) (param $maxShift f64) (param $secondShift f64) (param $zeroCentre i32)
    (local $i i32) (local $j i32) (local $p i32) (local $d i32) (local $pairs i32) (local $stride i32)
    (local $x i32) (local $xe i32) (local $c i32)
    (local $own i32) (local $best i32)
    (local $na f64) (local $u f64) (local $lo f64) (local $nb f64) (local $dist f64)
    (local $bestDist f64) (local $secondDist f64) (local $invA f64) (local $top f64) (local $cos f64)
    (local $floor f64) (local $second f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $xv v128)
    (local.set $pairs (i32.shr_u (i32.add (local.get $k) (i32.const 1)) (i32.const 1)))
    (local.set $stride (i32.shl (local.get $dim) (i32.const 4)))
    (block $done
      (loop $note
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $next
          (local.set $na (f64.load (i32.add (local.get $N) (i32.shl (local.get $i) (i32.const 3)))))
          (if (local.get $useBounds)
            (then
              (local.set $own (i32.load (i32.add (local.get $L) (i32.shl (local.get $i) (i32.const 2)))))
              (local.set $u (f64.add
                (f64.load (i32.add (local.get $U) (i32.shl (local.get $i) (i32.const 3))))
                (f64.load (i32.add (local.get $S) (i32.shl (local.get $own) (i32.const 3))))))
              (f64.store (i32.add (local.get $U) (i32.shl (local.get $i) (i32.const 3))) (local.get $u))
              (local.set $lo (f64.sub
                (f64.load (i32.add (local.get $LO) (i32.shl (local.get $i) (i32.const 3))))
                (select (local.get $secondShift) (local.get $maxShift) (i32.eq (local.get $own) (local.get $maxShiftAt)))))
              (f64.store (i32.add (local.get $LO) (i32.shl (local.get $i) (i32.const 3))) (local.get $lo))
              ;; BOUND_MARGIN = 1e-5
              (br_if $next (f64.lt (f64.add (local.get $u) (f64.const 1e-5)) (local.get $lo)))))
          ;; Dot products: four pairs of centres at a time, then one pair at a time.
          (local.set $x (i32.add (local.get $D) (i32.mul (local.get $i) (i32.shl (local.get $dim) (i32.const 3)))))
          (local.set $xe (i32.add (local.get $x) (i32.shl (local.get $dim) (i32.const 3))))
          (local.set $p (i32.const 0))
          (block $fours
            (loop $four
              (br_if $fours (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $pairs)))
              (local.set $c (i32.add (local.get $P) (i32.mul (local.get $p) (local.get $stride))))
              (local.set $s0 (v128.const f64x2 0 0))
              (local.set $s1 (v128.const f64x2 0 0))
              (local.set $s2 (v128.const f64x2 0 0))
              (local.set $s3 (v128.const f64x2 0 0))
              (local.set $d (local.get $x))
              (block $dims4
                (loop $dim4
                  (br_if $dims4 (i32.ge_u (local.get $d) (local.get $xe)))
                  (local.set $xv (f64x2.splat (f64.load (local.get $d))))
                  (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $xv) (v128.load (local.get $c)))))
                  (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $xv)
                    (v128.load (i32.add (local.get $c) (local.get $stride))))))
                  (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $xv)
                    (v128.load (i32.add (local.get $c) (i32.shl (local.get $stride) (i32.const 1)))))))
                  (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $xv)
                    (v128.load (i32.add (local.get $c) (i32.mul (local.get $stride) (i32.const 3)))))))
                  (local.set $c (i32.add (local.get $c) (i32.const 16)))
                  (local.set $d (i32.add (local.get $d) (i32.const 8)))
                  (br $dim4)))
              (v128.store (i32.add (local.get $DT) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0))
              (v128.store (i32.add (local.get $DT) (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 4))) (local.get $s1))
              (v128.store (i32.add (local.get $DT) (i32.shl (i32.add (local.get $p) (i32.const 2)) (i32.const 4))) (local.get $s2))
              (v128.store (i32.add (local.get $DT) (i32.shl (i32.add (local.get $p) (i32.const 3)) (i32.const 4))) (local.get $s3))
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (br $four)))
          (block $ones
            (loop $one
              (br_if $ones (i32.ge_u (local.get $p) (local.get $pairs)))
              (local.set $c (i32.add (local.get $P) (i32.mul (local.get $p) (local.get $stride))))
              (local.set $s0 (v128.const f64x2 0 0))
              (local.set $d (local.get $x))
              (block $dims1
                (loop $dim1
                  (br_if $dims1 (i32.ge_u (local.get $d) (local.get $xe)))
                  (local.set $s0 (f64x2.add (local.get $s0)
                    (f64x2.mul (f64x2.splat (f64.load (local.get $d))) (v128.load (local.get $c)))))
                  (local.set $c (i32.add (local.get $c) (i32.const 16)))
                  (local.set $d (i32.add (local.get $d) (i32.const 8)))
                  (br $dim1)))
              (v128.store (i32.add (local.get $DT) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br $one)))
          (local.set $best (i32.const -1))
          (local.set $bestDist (f64.const 0x1.fffffffffffffp+1023))
          (local.set $secondDist (f64.const 0x1.fffffffffffffp+1023))
          (if (i32.or (f64.eq (local.get $na) (f64.const 0)) (local.get $zeroCentre))
            (then
              (local.set $j (i32.const 0))
              (block $zs
                (loop $z
                  (br_if $zs (i32.ge_u (local.get $j) (local.get $k)))
                  (local.set $nb (f64.load (i32.add (local.get $CN) (i32.shl (local.get $j) (i32.const 3)))))
                  (local.set $dist
                    (if (result f64) (i32.or (f64.eq (local.get $na) (f64.const 0)) (f64.eq (local.get $nb) (f64.const 0)))
                      (then (f64.const 1))
                      (else (f64.sub (f64.const 1) (f64.div
                        (f64.load (i32.add (local.get $DT) (i32.shl (local.get $j) (i32.const 3))))
                        (f64.sqrt (f64.mul (local.get $na) (local.get $nb))))))))
                  (if (f64.lt (local.get $dist) (local.get $bestDist))
                    (then
                      (local.set $secondDist (local.get $bestDist))
                      (local.set $bestDist (local.get $dist))
                      (local.set $best (local.get $j)))
                    (else
                      (if (f64.lt (local.get $dist) (local.get $secondDist))
                        (then (local.set $secondDist (local.get $dist))))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $z))))
            (else
              (local.set $invA (f64.div (f64.const 1) (f64.sqrt (local.get $na))))
              (local.set $top (f64.const -inf))
              (local.set $j (i32.const 0))
              (block $cs
                (loop $cl
                  (br_if $cs (i32.ge_u (local.get $j) (local.get $k)))
                  (local.set $cos (f64.mul
                    (f64.mul
                      (f64.load (i32.add (local.get $DT) (i32.shl (local.get $j) (i32.const 3))))
                      (f64.load (i32.add (local.get $IN) (i32.shl (local.get $j) (i32.const 3)))))
                    (local.get $invA)))
                  (f64.store (i32.add (local.get $CS) (i32.shl (local.get $j) (i32.const 3))) (local.get $cos))
                  (if (f64.gt (local.get $cos) (local.get $top)) (then (local.set $top (local.get $cos))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $cl)))
              ;; COSINE_SLACK = 1e-9
              (local.set $floor (f64.sub (local.get $top) (f64.const 1e-9)))
              (local.set $j (i32.const 0))
              (block $bs
                (loop $bl
                  (br_if $bs (i32.ge_u (local.get $j) (local.get $k)))
                  (if (i32.eqz (f64.lt (f64.load (i32.add (local.get $CS) (i32.shl (local.get $j) (i32.const 3)))) (local.get $floor)))
                    (then
                      (local.set $dist (f64.sub (f64.const 1) (f64.div
                        (f64.load (i32.add (local.get $DT) (i32.shl (local.get $j) (i32.const 3))))
                        (f64.sqrt (f64.mul (local.get $na)
                          (f64.load (i32.add (local.get $CN) (i32.shl (local.get $j) (i32.const 3)))))))))
                      (if (f64.lt (local.get $dist) (local.get $bestDist))
                        (then
                          (local.set $bestDist (local.get $dist))
                          (local.set $best (local.get $j))))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $bl)))
              (local.set $second (f64.const -inf))
              (local.set $j (i32.const 0))
              (block $ss
                (loop $sl
                  (br_if $ss (i32.ge_u (local.get $j) (local.get $k)))
                  (if (i32.ne (local.get $j) (local.get $best))
                    (then
                      (local.set $cos (f64.load (i32.add (local.get $CS) (i32.shl (local.get $j) (i32.const 3)))))
                      (if (f64.gt (local.get $cos) (local.get $second)) (then (local.set $second (local.get $cos))))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $sl)))
              (if (f64.gt (local.get $second) (f64.const -inf))
                (then (local.set $secondDist (f64.sub (f64.const 1) (f64.add (local.get $second) (f64.const 1e-9))))))))
          (i32.store (i32.add (local.get $L) (i32.shl (local.get $i) (i32.const 2))) (local.get $best))
          (if (f64.eq (local.get $na) (f64.const 0))
            (then
              (f64.store (i32.add (local.get $U) (i32.shl (local.get $i) (i32.const 3))) (f64.const inf))
              (f64.store (i32.add (local.get $LO) (i32.shl (local.get $i) (i32.const 3))) (f64.const 0)))
            (else
              (f64.store (i32.add (local.get $U) (i32.shl (local.get $i) (i32.const 3)))
                (f64.sqrt (f64.max (f64.const 0) (f64.mul (f64.const 2) (local.get $bestDist)))))
              (f64.store (i32.add (local.get $LO) (i32.shl (local.get $i) (i32.const 3)))
                (if (result f64) (f64.eq (local.get $secondDist) (f64.const 0x1.fffffffffffffp+1023))
                  (then (f64.const inf))
                  (else (f64.sqrt (f64.max (f64.const 0) (f64.mul (f64.const 2) (local.get $secondDist))))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $note))))

  ;; The sums of the update step (kmeans.ts `meansStep`): NX[label·dim + d] +=
  ;; D[i·dim + d] for every vector in order, two dimensions per lane pair;
  ;; sizes counted in SZ (i32). NX and SZ must be zero on entry.
  (func (export "sums")
    (param $n i32) (param $dim i32) (param $D i32) (param $L i32) (param $NX i32) (param $SZ i32)
    (local $i i32) (local $x i32) (local $xe i32) (local $o i32) (local $lab i32) (local $row i32) (local $pairEnd i32)
    (local.set $row (i32.shl (local.get $dim) (i32.const 3)))
    (local.set $x (local.get $D))
    (block $done
      (loop $note
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $lab (i32.load (i32.add (local.get $L) (i32.shl (local.get $i) (i32.const 2)))))
        (i32.store (i32.add (local.get $SZ) (i32.shl (local.get $lab) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $SZ) (i32.shl (local.get $lab) (i32.const 2)))) (i32.const 1)))
        (local.set $o (i32.add (local.get $NX) (i32.mul (local.get $lab) (local.get $row))))
        (local.set $xe (i32.add (local.get $x) (local.get $row)))
        (local.set $pairEnd (i32.add (local.get $x) (i32.and (local.get $row) (i32.const -16))))
        (block $pd
          (loop $pl
            (br_if $pd (i32.ge_u (local.get $x) (local.get $pairEnd)))
            (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (v128.load (local.get $x))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $pl)))
        (if (i32.lt_u (local.get $x) (local.get $xe))
          (then
            (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (f64.load (local.get $x))))
            (local.set $x (i32.add (local.get $x) (i32.const 8)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $note))))

;; The sparse products of the SVD (src/vectors/svd.ts), from the transpose
;; T of the sparse matrix A (CSR of Aᵀ: row c lists the rows of column c in
;; ascending order, as `transpose` makes it): IP: row pointers (i32, cols + 1),
;; IX: row indices (i32), VX: values (f64).

  ;; A·B (svd.ts `multiplyByColumns`): OUT (rows × w, zero on entry) +=
  ;; value · (row c of B), column c by column c; each output entry gets its
  ;; terms in ascending column order. Two columns of B per lane pair.
  (func (export "sparseTimes")
    (param $cols i32) (param $w i32) (param $IP i32) (param $IX i32) (param $VX i32) (param $B i32) (param $OUT i32)
    (local $c i32) (local $p i32) (local $end i32) (local $row i32) (local $bo i32) (local $o i32) (local $j i32)
    (local $pairs i32) (local $v v128) (local $val f64)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $row) (i32.const -16)))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
        (local.set $p (i32.load (i32.add (local.get $IP) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $IP) (i32.shl (i32.add (local.get $c) (i32.const 1)) (i32.const 2)))))
        (local.set $bo (i32.add (local.get $B) (i32.mul (local.get $c) (local.get $row))))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $val (f64.load (i32.add (local.get $VX) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $v (f64x2.splat (local.get $val)))
            (local.set $o (i32.add (local.get $OUT)
              (i32.mul (i32.load (i32.add (local.get $IX) (i32.shl (local.get $p) (i32.const 2)))) (local.get $row))))
            (local.set $j (i32.const 0))
            (block $pd
              (loop $pl
                (br_if $pd (i32.ge_u (local.get $j) (local.get $pairs)))
                (v128.store (i32.add (local.get $o) (local.get $j))
                  (f64x2.add (v128.load (i32.add (local.get $o) (local.get $j)))
                    (f64x2.mul (local.get $v) (v128.load (i32.add (local.get $bo) (local.get $j))))))
                (local.set $j (i32.add (local.get $j) (i32.const 16)))
                (br $pl)))
            (if (i32.lt_u (local.get $j) (local.get $row))
              (then
                (f64.store (i32.add (local.get $o) (local.get $j))
                  (f64.add (f64.load (i32.add (local.get $o) (local.get $j)))
                    (f64.mul (local.get $val) (f64.load (i32.add (local.get $bo) (local.get $j))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $entry)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $column))))

  ;; Aᵀ·Q (svd.ts `multiplyTransposedByColumns`): OUT (cols × w) row c = the
  ;; sum over column c's entries, in order, of value · (row of Q). Eight
  ;; columns of Q at a time in four registers, then two, then one.
  (func (export "sparseTransposedTimes")
    (param $cols i32) (param $w i32) (param $IP i32) (param $IX i32) (param $VX i32) (param $Q i32) (param $OUT i32)
    (local $c i32) (local $p i32) (local $start i32) (local $end i32) (local $row i32) (local $o i32) (local $j i32)
    (local $q i32) (local $v v128) (local $val f64) (local $s f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
        (local.set $start (i32.load (i32.add (local.get $IP) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $IP) (i32.shl (i32.add (local.get $c) (i32.const 1)) (i32.const 2)))))
        (local.set $o (i32.add (local.get $OUT) (i32.mul (local.get $c) (local.get $row))))
        (local.set $j (i32.const 0))
        (block $eights
          (loop $eight
            (br_if $eights (i32.gt_u (i32.add (local.get $j) (i32.const 64)) (local.get $row)))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $s1 (v128.const f64x2 0 0))
            (local.set $s2 (v128.const f64x2 0 0))
            (local.set $s3 (v128.const f64x2 0 0))
            (local.set $p (local.get $start))
            (block $es
              (loop $e
                (br_if $es (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $v (f64x2.splat (f64.load (i32.add (local.get $VX) (i32.shl (local.get $p) (i32.const 3))))))
                (local.set $q (i32.add (i32.add (local.get $Q) (local.get $j))
                  (i32.mul (i32.load (i32.add (local.get $IX) (i32.shl (local.get $p) (i32.const 2)))) (local.get $row))))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load (local.get $q)))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $q)))))
                (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $q)))))
                (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $q)))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $e)))
            (v128.store (i32.add (local.get $o) (local.get $j)) (local.get $s0))
            (v128.store offset=16 (i32.add (local.get $o) (local.get $j)) (local.get $s1))
            (v128.store offset=32 (i32.add (local.get $o) (local.get $j)) (local.get $s2))
            (v128.store offset=48 (i32.add (local.get $o) (local.get $j)) (local.get $s3))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $eight)))
        (block $twos
          (loop $two
            (br_if $twos (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $row)))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $p (local.get $start))
            (block $es2
              (loop $e2
                (br_if $es2 (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $s0 (f64x2.add (local.get $s0)
                  (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $VX) (i32.shl (local.get $p) (i32.const 3)))))
                    (v128.load (i32.add (i32.add (local.get $Q) (local.get $j))
                      (i32.mul (i32.load (i32.add (local.get $IX) (i32.shl (local.get $p) (i32.const 2)))) (local.get $row)))))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $e2)))
            (v128.store (i32.add (local.get $o) (local.get $j)) (local.get $s0))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $two)))
        (if (i32.lt_u (local.get $j) (local.get $row))
          (then
            (local.set $s (f64.const 0))
            (local.set $p (local.get $start))
            (block $es1
              (loop $e1
                (br_if $es1 (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul (f64.load (i32.add (local.get $VX) (i32.shl (local.get $p) (i32.const 3))))
                    (f64.load (i32.add (i32.add (local.get $Q) (local.get $j))
                      (i32.mul (i32.load (i32.add (local.get $IX) (i32.shl (local.get $p) (i32.const 2)))) (local.get $row)))))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $e1)))
            (f64.store (i32.add (local.get $o) (local.get $j)) (local.get $s))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $column))))

;; The dense products of the SVD's orthonormalisation (svd.ts `gramOf`,
;; `times`), row-major f64 matrices.

  ;; G (w × w, zero on entry) += the upper triangle of Yᵀ·Y (b ≥ a): entry
  ;; (a, b) = Σ over the rows in order of Y[i][a]·Y[i][b]; two b per lane pair.
  ;; The caller mirrors the lower triangle.
  (func (export "gram") (param $rows i32) (param $w i32) (param $Y i32) (param $G i32)
    (local $i i32) (local $a i32) (local $b i32) (local $row i32) (local $y i32) (local $g i32) (local $x f64) (local $xv v128)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (local.set $y (local.get $Y))
    (block $done
      (loop $rowl
        (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $a (i32.const 0))
        (block $as
          (loop $al
            (br_if $as (i32.ge_u (local.get $a) (local.get $w)))
            (local.set $x (f64.load (i32.add (local.get $y) (i32.shl (local.get $a) (i32.const 3)))))
            (local.set $xv (f64x2.splat (local.get $x)))
            (local.set $g (i32.add (local.get $G) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $w)) (local.get $a)) (i32.const 3))))
            (local.set $b (local.get $a))
            (block $bs
              (loop $bl
                (br_if $bs (i32.gt_u (i32.add (local.get $b) (i32.const 2)) (local.get $w)))
                (v128.store (local.get $g) (f64x2.add (v128.load (local.get $g))
                  (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $y) (i32.shl (local.get $b) (i32.const 3)))))))
                (local.set $g (i32.add (local.get $g) (i32.const 16)))
                (local.set $b (i32.add (local.get $b) (i32.const 2)))
                (br $bl)))
            (if (i32.lt_u (local.get $b) (local.get $w))
              (then
                (f64.store (local.get $g) (f64.add (f64.load (local.get $g))
                  (f64.mul (local.get $x) (f64.load (i32.add (local.get $y) (i32.shl (local.get $b) (i32.const 3)))))))))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $al)))
        (local.set $y (i32.add (local.get $y) (local.get $row)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rowl))))

  ;; OUT (rows × r) = Y (rows × w) · Pᵀ, P (r × w) given in pairs of rows
  ;; interleaved by column (PP: pair p, column c at (p·w + c)·16 holds
  ;; (P[2p][c], P[2p+1][c]); an odd r has a zero second lane in its last
  ;; pair). Each output summed over c in order; two pairs at a time.
  (func (export "denseTimes") (param $rows i32) (param $w i32) (param $r i32) (param $Y i32) (param $PP i32) (param $OUT i32)
    (local $i i32) (local $p i32) (local $pairs i32) (local $stride i32) (local $y i32) (local $ye i32) (local $c i32) (local $q i32)
    (local $o i32) (local $s0 v128) (local $s1 v128) (local $xv v128)
    (local.set $pairs (i32.shr_u (i32.add (local.get $r) (i32.const 1)) (i32.const 1)))
    (local.set $stride (i32.shl (local.get $w) (i32.const 4)))
    (local.set $y (local.get $Y))
    (local.set $o (local.get $OUT))
    (block $done
      (loop $rowl
        (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $ye (i32.add (local.get $y) (i32.shl (local.get $w) (i32.const 3))))
        (local.set $p (i32.const 0))
        (block $twos
          (loop $two
            (br_if $twos (i32.gt_u (i32.add (local.get $p) (i32.const 2)) (local.get $pairs)))
            (local.set $q (i32.add (local.get $PP) (i32.mul (local.get $p) (local.get $stride))))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $s1 (v128.const f64x2 0 0))
            (local.set $c (local.get $y))
            (block $cs
              (loop $cl
                (br_if $cs (i32.ge_u (local.get $c) (local.get $ye)))
                (local.set $xv (f64x2.splat (f64.load (local.get $c))))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $xv) (v128.load (local.get $q)))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $q) (local.get $stride))))))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))
                (local.set $c (i32.add (local.get $c) (i32.const 8)))
                (br $cl)))
            (v128.store (i32.add (local.get $o) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0))
            (if (i32.lt_u (i32.add (i32.shl (local.get $p) (i32.const 1)) (i32.const 3)) (local.get $r))
              (then (v128.store offset=16 (i32.add (local.get $o) (i32.shl (local.get $p) (i32.const 4))) (local.get $s1)))
              (else (f64.store offset=16 (i32.add (local.get $o) (i32.shl (local.get $p) (i32.const 4))) (f64x2.extract_lane 0 (local.get $s1)))))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br $two)))
        (if (i32.lt_u (local.get $p) (local.get $pairs))
          (then
            (local.set $q (i32.add (local.get $PP) (i32.mul (local.get $p) (local.get $stride))))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $c (local.get $y))
            (block $cs1
              (loop $cl1
                (br_if $cs1 (i32.ge_u (local.get $c) (local.get $ye)))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (f64x2.splat (f64.load (local.get $c))) (v128.load (local.get $q)))))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))
                (local.set $c (i32.add (local.get $c) (i32.const 8)))
                (br $cl1)))
            (if (i32.lt_u (i32.add (i32.shl (local.get $p) (i32.const 1)) (i32.const 1)) (local.get $r))
              (then (v128.store (i32.add (local.get $o) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0)))
              (else (f64.store (i32.add (local.get $o) (i32.shl (local.get $p) (i32.const 4))) (f64x2.extract_lane 0 (local.get $s0)))))))
        (local.set $y (local.get $ye))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rowl))))

;; The LSA projection of sparse rows (cluster/fit.ts `projectRows`): OUT
;; (rows × w, zero on entry) row i += value · (row POS[column] of V) over the
;; row's entries in order, skipping columns whose POS is -1; two columns of V
;; per lane pair. RP: row pointers, CX: column indices (i32), VX: values.
  (func (export "projectRows")
    (param $rows i32) (param $w i32) (param $RP i32) (param $CX i32) (param $VX i32) (param $POS i32) (param $V i32) (param $OUT i32)
    (local $i i32) (local $p i32) (local $end i32) (local $at i32) (local $row i32) (local $pairs i32) (local $o i32) (local $b i32) (local $j i32)
    (local $val f64) (local $v v128)
    (local.set $row (i32.shl (local.get $w) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $row) (i32.const -16)))
    (local.set $o (local.get $OUT))
    (block $done
      (loop $rowl
        (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $p (i32.load (i32.add (local.get $RP) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $RP) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $p) (local.get $end)))
            (block $skip
              (local.set $at (i32.load (i32.add (local.get $POS)
                (i32.shl (i32.load (i32.add (local.get $CX) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2)))))
              (br_if $skip (i32.lt_s (local.get $at) (i32.const 0)))
              (local.set $val (f64.load (i32.add (local.get $VX) (i32.shl (local.get $p) (i32.const 3)))))
              (local.set $v (f64x2.splat (local.get $val)))
              (local.set $b (i32.add (local.get $V) (i32.mul (local.get $at) (local.get $row))))
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
                      (f64.mul (local.get $val) (f64.load (i32.add (local.get $b) (local.get $j)))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $entry)))
        (local.set $o (i32.add (local.get $o) (local.get $row)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rowl))))

;; One round of k-means++ (cluster/kmeans.ts `kmeansPlusPlusPacked`): the
;; squared distance of every vector to the last chosen one (vector `last`),
;; NEAR[i] = min(NEAR[i], d), and the sum of NEAR in order (returned). The
;; vectors come in pairs interleaved by dimension (DP: pair p, dimension a at
;; (p·dim + a)·16 holds (vector 2p, vector 2p+1); an odd n has a zero second
;; lane), so each lane sums one vector's squares over the dimensions in order.
;; C: the last chosen vector (dim values).
  (func (export "nearest") (param $n i32) (param $dim i32) (param $DP i32) (param $C i32) (param $NEAR i32) (result f64)
    (local $p i32) (local $pairs i32) (local $q i32) (local $c i32) (local $ce i32) (local $i i32)
    (local $s v128) (local $x v128) (local $d f64) (local $total f64)
    (local.set $pairs (i32.shr_u (i32.add (local.get $n) (i32.const 1)) (i32.const 1)))
    (local.set $ce (i32.add (local.get $C) (i32.shl (local.get $dim) (i32.const 3))))
    (local.set $q (local.get $DP))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $p) (local.get $pairs)))
        (local.set $s (v128.const f64x2 0 0))
        (local.set $c (local.get $C))
        (block $ds
          (loop $dl
            (br_if $ds (i32.ge_u (local.get $c) (local.get $ce)))
            (local.set $x (f64x2.sub (v128.load (local.get $q)) (f64x2.splat (f64.load (local.get $c)))))
            (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $x) (local.get $x))))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (local.set $c (i32.add (local.get $c) (i32.const 8)))
            (br $dl)))
        (local.set $i (i32.shl (local.get $p) (i32.const 1)))
        ;; vector 2p
        (local.set $d (f64x2.extract_lane 0 (local.get $s)))
        (if (f64.lt (local.get $d) (f64.load (i32.add (local.get $NEAR) (i32.shl (local.get $i) (i32.const 3)))))
          (then (f64.store (i32.add (local.get $NEAR) (i32.shl (local.get $i) (i32.const 3))) (local.get $d))))
        (local.set $total (f64.add (local.get $total) (f64.load (i32.add (local.get $NEAR) (i32.shl (local.get $i) (i32.const 3))))))
        ;; vector 2p + 1, if there is one
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.lt_u (local.get $i) (local.get $n))
          (then
            (local.set $d (f64x2.extract_lane 1 (local.get $s)))
            (if (f64.lt (local.get $d) (f64.load (i32.add (local.get $NEAR) (i32.shl (local.get $i) (i32.const 3)))))
              (then (f64.store (i32.add (local.get $NEAR) (i32.shl (local.get $i) (i32.const 3))) (local.get $d))))
            (local.set $total (f64.add (local.get $total) (f64.load (i32.add (local.get $NEAR) (i32.shl (local.get $i) (i32.const 3))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pair)))
    (local.get $total))
)
