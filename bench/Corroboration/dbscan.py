#!/usr/bin/env python3
"""Times scikit-learn's DBSCAN (haversine, ball tree) on the benchmark's points and compares its labels with Truce's.

usage: dbscan.py points.csv truce-labels.csv EPS_KM MIN_PTS
Only the fit is timed. Prints the fit time, the adjusted Rand index and how many points carry identical labels.
"""
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score

EARTH_RADIUS_KM = 6371.0088


def main(points_csv, labels_csv, eps_km, min_pts):
    points = np.loadtxt(points_csv, delimiter=",", skiprows=1, usecols=(0, 1), ndmin=2)
    truce = np.loadtxt(labels_csv, dtype=np.int64, ndmin=1)
    radians = np.radians(points)
    model = DBSCAN(eps=eps_km / EARTH_RADIUS_KM, min_samples=min_pts, metric="haversine", algorithm="ball_tree")
    start = time.perf_counter()
    model.fit(radians)
    seconds = time.perf_counter() - start
    labels = model.labels_
    print(f"sklearn fit: {seconds:.3f} s, {labels.max() + 1} clusters, {(labels < 0).sum()} noise")
    print(f"adjusted rand index: {adjusted_rand_score(labels, truce):.6f}")
    print(f"identical labels: {(labels == truce).sum()} of {len(labels)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]))
