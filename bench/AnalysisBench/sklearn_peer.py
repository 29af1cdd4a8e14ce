"""The scikit-learn peer for Engage's theme discovery benchmark.

Plain TF-IDF + k-means, seeded, as most analysts would first try it. Prints one JSON line:
{"seconds": <vectorise + cluster wall time>, "labels": [...]} so the benchmark scores every
method with the same NMI and accuracy code.
usage: python3 sklearn_peer.py <csv with id,label,text> <k> <seed>
"""
import csv
import json
import sys
import time

try:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
except ImportError:
    print(json.dumps({"error": "python3-sklearn is not installed (apt-get install -y python3-sklearn)"}))
    sys.exit(0)


def main():
    path, k, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, newline="", encoding="utf-8") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    start = time.perf_counter()
    x = TfidfVectorizer(stop_words="english").fit_transform(texts)
    labels = KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=seed).fit_predict(x)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "labels": [int(v) for v in labels]}))


if __name__ == "__main__":
    main()
