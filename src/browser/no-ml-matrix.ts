/**
 * Stands in for `ml-matrix` in every build (tsup.config.ts). ml-kmeans
 * imports ml-matrix only for its own k-means++ start; themenfinder always
 * gives ml-kmeans the start (cluster/kmeans.ts), so that code never runs, and
 * leaving ml-matrix out takes ~70 KB (minified) off the browser bundle
 * (BENCHMARKS.md). Reaching this class would be a bug in themenfinder.
 */
export class Matrix {
  constructor() {
    throw new Error('themenfinder: ml-matrix is left out of the builds; ml-kmeans was asked for its own start');
  }
}
