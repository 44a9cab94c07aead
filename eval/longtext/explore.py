"""Representation experiments for long texts on the library's own terms.

    npx tsx eval/longtext/dump.mts /tmp/themenfinder-terms
    /usr/bin/python3 eval/longtext/explore.py gnad base nmf nouns feat agglo idf iter ens medoid pow topn grams

Each line: variant, NMI mean ± population sd over seeds 0-4, the five NMIs, seconds.
Needs scikit-learn (Debian: python3-sklearn). Results: docs/quality.md, round 4.
"""
import json, os, sys, numpy as np, time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.decomposition import TruncatedSVD, NMF
from sklearn.preprocessing import normalize
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score as nmi
name = sys.argv[1] if len(sys.argv) > 1 else 'gnad'
d = json.load(open(os.path.join(os.environ.get('TERMS', '/tmp/themenfinder-terms'), f'{name}.json')))
y = [x['label'] for x in d]
k = len(set(y))
def vec(docs, **kw):
    opts = dict(analyzer=lambda x: x, sublinear_tf=True, min_df=2, max_df=0.5, norm='l2', smooth_idf=True)
    opts.update(kw)
    v = TfidfVectorizer(**opts)
    return v.fit_transform(docs), v
def km(X, seed):
    return KMeans(k, n_init=10, random_state=seed).fit_predict(X)
def lsa(X, dims, seed):
    Z = TruncatedSVD(dims, random_state=seed, n_iter=5).fit_transform(X)
    return normalize(Z)
def report(tag, f, seeds=range(5)):
    t = time.time(); s = [nmi(y, f(sd)) for sd in seeds]
    print(f'{tag:50s} {np.mean(s):.3f} ± {np.std(s):.3f}  [{" ".join(f"{x:.3f}" for x in s)}] {time.time()-t:.1f}s', flush=True)
stems = [x['stems'] for x in d]
X, v = vec(stems)
print(name, X.shape)
which = sys.argv[2:] or ['base']
if 'base' in which:
    report('tfidf kmeans (no lsa)', lambda s: km(X, s))
    for dims in (20, 50, 100):
        report(f'lsa {dims}', lambda s: km(lsa(X, dims, s), s))
if 'nmf' in which:
    for init in ('nndsvd', 'nndsvda'):
        report(f'nmf {init} argmax', lambda s: NMF(k, init=init, random_state=s, max_iter=400).fit_transform(X).argmax(1))
    report('nmf random argmax', lambda s: NMF(k, init='random', random_state=s, max_iter=400).fit_transform(X).argmax(1))
    report('nmf 2k -> kmeans', lambda s: km(normalize(NMF(2*k, init='nndsvda', random_state=s, max_iter=400).fit_transform(X)), s))
if 'nouns' in which:
    nouns = [[st for st, su in zip(x['stems'], x['surfaces']) if su[:1].isupper()] for x in d]
    Xn, _ = vec(nouns)
    print('nouns', Xn.shape)
    report('nouns lsa 50', lambda s: km(lsa(Xn, 50, s), s))
    report('nouns tfidf kmeans', lambda s: km(Xn, s))
    both = [x['stems'] + [st for st, su in zip(x['stems'], x['surfaces']) if su[:1].isupper()] for x in d]
    Xb, _ = vec(both)
    report('nouns x2 lsa 50', lambda s: km(lsa(Xb, 50, s), s))
if 'feat' in which:
    for mf in (2000, 5000):
        Xf, _ = vec(stems, max_features=mf)
        report(f'maxfeat {mf} lsa 50', lambda s: km(lsa(Xf, 50, s), s))
    Xs, _ = vec(stems, sublinear_tf=False)
    report('raw tf lsa 50', lambda s: km(lsa(Xs, 50, s), s))
    Xb, _ = vec(stems, use_idf=True, binary=True)
    report('binary lsa 50', lambda s: km(lsa(Xb, 50, s), s))
if 'agglo' in which:
    from sklearn.cluster import AgglomerativeClustering, SpectralClustering
    from sklearn.mixture import GaussianMixture
    for dims in (20, 50):
        report(f'ward lsa {dims}', lambda s: AgglomerativeClustering(k, linkage='ward').fit_predict(lsa(X, dims, s)))
        report(f'avg cos lsa {dims}', lambda s: AgglomerativeClustering(k, linkage='average', metric='cosine').fit_predict(lsa(X, dims, s)))
    def over(s, dims=50, f=3):
        Z = lsa(X, dims, s)
        m = KMeans(f*k, n_init=10, random_state=s).fit(Z)
        C = normalize(m.cluster_centers_)
        g = AgglomerativeClustering(k, linkage='ward').fit_predict(C)
        return g[m.labels_]
    report('over 3k + ward merge lsa50', over)
    report('over 2k + ward merge lsa50', lambda s: over(s, 50, 2))
    report('gmm lsa 20', lambda s: GaussianMixture(k, covariance_type='spherical', random_state=s, n_init=3).fit_predict(lsa(X, 20, s)))
    report('spectral knn lsa 50', lambda s: SpectralClustering(k, affinity='nearest_neighbors', n_neighbors=15, random_state=s).fit_predict(lsa(X, 50, s)))
if 'idf' in which:
    import scipy.sparse as sp
    Xr, vv = vec(stems, norm=None)
    idf = vv.idf_
    for p in [float(x) for x in __import__("os").environ.get("IDF", "1.5,2").split(",")]:
        Xp = normalize(Xr @ sp.diags(idf ** (p - 1)))
        report(f'idf^{p} lsa 20', lambda s: km(lsa(Xp, 20, s), s))
        report(f'idf^{p} lsa 50', lambda s: km(lsa(Xp, 50, s), s))
    for dims in (10, 15, 30):
        report(f'lsa {dims}', lambda s: km(lsa(X, dims, s), s))
if 'iter' in which:
    from sklearn.feature_selection import chi2
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.naive_bayes import MultinomialNB
    def ifs(s, dims=50, top=3000, rounds=3):
        lab = km(lsa(X, dims, s), s)
        for r in range(rounds):
            sc, _ = chi2(X, lab)
            sc = np.nan_to_num(sc)
            keep = np.argsort(-sc)[:top]
            Xs = normalize(X[:, keep])
            Z = lsa(Xs, dims, s)
            C = np.array([Z[lab == c].mean(0) for c in range(k)])
            lab = KMeans(k, init=C, n_init=1).fit_predict(Z)
        return lab
    report('iter feat sel 3000 x3', ifs)
    report('iter feat sel 1500 x3', lambda s: ifs(s, top=1500))
    C = CountVectorizer(analyzer=lambda x: x, min_df=2, max_df=0.5).fit_transform(stems)
    def nbem(s, rounds=10, dims=50):
        lab = km(lsa(X, dims, s), s)
        for r in range(rounds):
            nb = MultinomialNB(alpha=0.1).fit(C, lab)
            new = nb.predict(C)
            if (new == lab).all(): break
            lab = new
        return lab
    report('nb-em counts from lsa50 km', nbem)
    def nbem_t(s, rounds=10, dims=50):
        lab = km(lsa(X, dims, s), s)
        for r in range(rounds):
            nb = MultinomialNB(alpha=0.05).fit(X, lab)
            new = nb.predict(X)
            if (new == lab).all(): break
            lab = new
        return lab
    report('nb-em tfidf from lsa50 km', nbem_t)
if 'conf' in which:
    import collections
    lab = km(lsa(X, 50, 0), 0)
    labs = sorted(set(y))
    print('      ' + ' '.join(f'{c:>4d}' for c in range(k)))
    for l in labs:
        row = collections.Counter(lab[i] for i in range(len(y)) if y[i] == l)
        print(f'{l[:6]:6s}' + ' '.join(f'{row.get(c,0):4d}' for c in range(k)))
if 'init' in which:
    def skm(Z, seed, restarts=10, greedy=True, spherical=True, iters=100):
        rng = np.random.RandomState(seed)
        best = None
        n = Z.shape[0]
        for r in range(restarts):
            # kmeans++ (greedy: 2+log k trials)
            trials = 2 + int(np.log(k)) if greedy else 1
            C = [Z[rng.randint(n)]]
            d2 = ((Z - C[0]) ** 2).sum(1)
            for c in range(1, k):
                cand = rng.choice(n, trials, p=d2 / d2.sum())
                best_c, best_pot, best_d = None, None, None
                for cc in cand:
                    nd = np.minimum(d2, ((Z - Z[cc]) ** 2).sum(1))
                    if best_pot is None or nd.sum() < best_pot:
                        best_c, best_pot, best_d = cc, nd.sum(), nd
                C.append(Z[best_c]); d2 = best_d
            C = np.array(C)
            for it in range(iters):
                lab = (Z @ C.T).argmax(1) if spherical else ((Z[:, None, :] - C[None]) ** 2).sum(2).argmin(1)
                newC = np.array([Z[lab == c].mean(0) if (lab == c).any() else C[c] for c in range(k)])
                if spherical: newC = normalize(newC)
                if np.allclose(newC, C): break
                C = newC
            obj = (Z @ C.T).max(1).sum() if spherical else -((Z - C[lab]) ** 2).sum()
            if best is None or obj > best[0]: best = (obj, lab)
        return best[1]
    for dims in (20, 50):
        report(f'lsa{dims} spherical greedy++', lambda s: skm(lsa(X, dims, s), s))
        report(f'lsa{dims} spherical plain++', lambda s: skm(lsa(X, dims, s), s, greedy=False))
        report(f'lsa{dims} euclid greedy++', lambda s: skm(lsa(X, dims, s), s, spherical=False))
        report(f'lsa{dims} spherical greedy++ 30 restarts', lambda s: skm(lsa(X, dims, s), s, restarts=30))
if 'ens' in which:
    def refine_full(s, dims=50):
        lab = km(lsa(X, dims, s), s)
        for it in range(30):
            C = normalize(np.vstack([np.asarray(X[lab == c].mean(0)) for c in range(k)]))
            new = np.asarray((X @ C.T)).argmax(1)
            if (new == lab).all(): break
            lab = new
        return lab
    report('lsa50 km -> refine on full tfidf', refine_full)
    report('lsa20 km -> refine on full tfidf', lambda s: refine_full(s, 20))
    def ensemble(s, dimsets=(20, 30, 50, 80), per=3, over=1):
        parts = []
        for i, dims in enumerate(dimsets):
            Z = lsa(X, dims, s * 100 + i)
            for j in range(per):
                parts.append(KMeans(over * k, n_init=1, random_state=s * 1000 + i * 10 + j).fit_predict(Z))
        n = X.shape[0]
        M = np.zeros((n, sum(over * k for _ in parts)))
        off = 0
        for p in parts:
            M[np.arange(n), off + p] = 1; off += over * k
        M = normalize(M)
        Z = lsa(M, min(50, M.shape[1] - 1), s)  # spectral-ish embedding of co-association
        return km(Z, s)
    report('ensemble dims 20/30/50/80 x3', ensemble)
    report('ensemble dims x3 over2', lambda s: ensemble(s, over=2))
if 'medoid' in which:
    from sklearn.metrics import adjusted_rand_score as ari
    def medoid(s, dims=50, runs=10, vary_svd=False, crit=ari):
        Z0 = lsa(X, dims, s)
        parts = []
        for r in range(runs):
            Z = lsa(X, dims, s * 100 + r) if vary_svd else Z0
            parts.append(KMeans(k, n_init=1, random_state=s * 1000 + r).fit_predict(Z))
        sc = [np.mean([crit(p, q) for q in parts if q is not p]) for p in parts]
        return parts[int(np.argmax(sc))]
    report('medoid of 10 km lsa50', medoid)
    report('medoid of 20 km lsa50', lambda s: medoid(s, runs=20))
    report('medoid of 10 km lsa20', lambda s: medoid(s, dims=20))
    report('medoid of 10 km lsa50 vary svd', lambda s: medoid(s, vary_svd=True))
    report('medoid of 20 km lsa50 nmi', lambda s: medoid(s, runs=20, crit=nmi))
PS = [float(x) for x in __import__("os").environ.get("PS", "0.5,0").split(",")]
if "pow" in which:
    def lsap(X, dims, seed, p=1.0, drop=0):
        svd = TruncatedSVD(dims, random_state=seed, n_iter=5)
        Z = svd.fit_transform(X)  # U*S
        S = svd.singular_values_
        Z = Z / S * S ** p
        return normalize(Z[:, drop:])
    for dims in (20, 50, 100):
        for p in PS:
            report(f'lsa{dims} U*S^{p}', lambda s: km(lsap(X, dims, s, p), s))
    report('lsa50 drop first', lambda s: km(lsap(X, 50, s, 1, 1), s))
if 'grams' in which:
    import scipy.sparse as sp
    words = [[w.lower() for w in x['surfaces']] for x in d]
    def grams(ws, lo, hi):
        out = []
        for w in ws:
            b = f'<{w}>'
            for n in range(lo, hi + 1):
                out += [b[i:i+n] for i in range(len(b) - n + 1)]
        return out
    for lo, hi, wt, mf, dims in [(3, 5, 1.5, None, 50), (3, 5, 1.5, None, 100), (4, 4, 1.0, None, 50), (3, 5, 1.5, 20000, 50), (3,5,1.0,None,50)]:
        t = time.time()
        G, _ = vec([grams(ws, lo, hi) for ws in words], max_features=mf)
        XG = normalize(sp.hstack([X, wt * G]).tocsr())
        print('grams', G.shape, f'{time.time()-t:.1f}s')
        report(f'words+{lo}-{hi}grams x{wt} mf{mf} lsa{dims}', lambda s: km(lsa(XG, dims, s), s))
if 'topn' in which:
    import scipy.sparse as sp
    def topn(X, N):
        X = X.tocsr().copy()
        for i in range(X.shape[0]):
            a, b = X.indptr[i], X.indptr[i + 1]
            if b - a > N:
                vals = X.data[a:b]
                cut = np.partition(vals, -N)[-N]
                vals[vals < cut] = 0
        X.eliminate_zeros()
        return normalize(X)
    for N in (20, 40, 80):
        XN = topn(X, N)
        for dims in (20, 50):
            report(f'top{N} terms/doc lsa{dims}', lambda s: km(lsa(XN, dims, s), s))
