#!/usr/bin/env python3
# Live-update benchmark, run by hand (not yet part of `bin/news-search bench`): posts a folder of
# text articles (first line = title) to POST /api/articles as JSON Lines in batches of 100, one
# batch at a time, and measures articles per second and visibility (time from a batch's answer to
# its last article being found by GET /api/articles/{id}, which reads the same refreshed snapshot
# as searches). Run it while wrk loads the query list, for example:
#
#   bin/news-search serve --index /tmp/bbc-index --port 7154 &
#   wrk -t2 -c16 -d60s --latency -s paths.lua http://127.0.0.1:7154/api/search &   # bench/queries.txt, percent-encoded
#   python3 bench/live-feed.py http://127.0.0.1:7154 ../shared/datasets/bbc live2-
#
# Arguments: server URL, corpus folder, id prefix (new prefix = new articles; the same = replaces).
import json, os, sys, time, urllib.request, threading
base = sys.argv[1]; root = sys.argv[2]; batch = 100; PREFIX = sys.argv[3] if len(sys.argv) > 3 else "live-"
records = []
for dirpath, _, files in sorted(os.walk(root)):
    for f in sorted(files):
        if not f.endswith('.txt'): continue
        p = os.path.join(dirpath, f)
        raw = open(p, encoding='utf-8', errors='replace').read().strip().split('\n', 1)
        records.append({"id": PREFIX + os.path.relpath(p, root).replace('/', '-')[:-4], "title": raw[0].strip(),
                        "text": raw[1] if len(raw) > 1 else raw[0], "topics": [os.path.basename(dirpath)]})
vis = []
def watch(id_, t0):
    while True:
        try:
            with urllib.request.urlopen(base + "/api/articles/" + id_) as r:
                if r.status == 200:
                    vis.append(time.time() - t0); return
        except Exception: pass
        time.sleep(0.01)
start = time.time(); failed = 0; threads = []
for i in range(0, len(records), batch):
    body = "\n".join(json.dumps(r) for r in records[i:i+batch]).encode()
    req = urllib.request.Request(base + "/api/articles", data=body, method="POST")
    with urllib.request.urlopen(req) as r:
        ans = json.load(r); failed += len(ans["failed"])
    t = threading.Thread(target=watch, args=(records[i+batch-1 if i+batch <= len(records) else len(records)-1]["id"], time.time())); t.start(); threads.append(t)
took = time.time() - start
for t in threads: t.join()
vis.sort()
p = lambda q: vis[min(len(vis)-1, int(q * len(vis)))]
print("posted %d articles in %.1f s: %.0f articles/s, failed records %d; visibility p50 %.0f ms p99 %.0f ms max %.0f ms (n=%d)" % (
    len(records), took, len(records)/took, failed, p(0.5)*1000, p(0.99)*1000, vis[-1]*1000, len(vis)))
