"""The scikit-learn peer for clustering sentence embeddings: KMeans on the very vectors Engage clusters.

usage: python3 sklearn_embedding_peer.py <float32 file, row-major> <dimensions> <k> <seed>
Prints one JSON line: {"seconds": <fit time>, "labels": [...]}.
"""
import json
import sys
import time

try:
    import numpy as np
    from sklearn.cluster import KMeans
except ImportError:
    print(json.dumps({"error": "python3-sklearn is not installed (apt-get install -y python3-sklearn)"}))
    sys.exit(0)


def main():
    path, dims, k, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    x = np.fromfile(path, dtype="<f4").reshape(-1, dims)
    start = time.perf_counter()
    labels = KMeans(n_clusters=k, init="k-means++", n_init=5, random_state=seed).fit_predict(x)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "labels": [int(v) for v in labels]}))


if __name__ == "__main__":
    main()
