#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples after a given time: the library each sample's innermost known
frame belongs to, and the project's innermost method (the caller that led there). Usage: jfr-summary.py FILE SINCE"""
import collections
import datetime
import json
import os
import shutil
import subprocess
import sys

LIBRARIES = [("hibernate", "org.hibernate"), ("pgjdbc", "org.postgresql"), ("kafka-client", "org.apache.kafka"),
             ("jackson", "com.fasterxml.jackson"), ("cel", "dev.cel"), ("cel", "cel."),
             ("smallrye-messaging", "io.smallrye.reactive.messaging"), ("vertx/netty", "io.netty"),
             ("vertx/netty", "io.vertx"), ("resteasy", "org.jboss.resteasy"), ("agroal", "io.agroal"),
             ("narayana", "com.arjuna"), ("jwt/oidc", "io.smallrye.jwt"), ("jwt/oidc", "org.jose4j"),
             ("jwt/oidc", "io.quarkus.oidc"), ("project", "se.alfmonitor")]

path, since = sys.argv[1], float(sys.argv[2])
jfr = os.path.join(os.path.dirname(os.path.realpath(shutil.which("java"))), "jfr")
out = subprocess.run([jfr, "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
                     capture_output=True, text=True, check=True).stdout
libraries, callers, total = collections.Counter(), collections.Counter(), 0
for event in json.loads(out)["recording"]["events"]:
    at = datetime.datetime.fromisoformat(event["values"]["startTime"].replace("Z", "+00:00")).timestamp()
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    if at < since or not frames:
        continue
    total += 1
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    libraries[next((lib for name in names for lib, prefix in LIBRARIES if name.startswith(prefix)), "other")] += 1
    ours = [n for n in names if n.startswith("se.alfmonitor") and "$$" not in n and "lambda$" not in n]
    callers[ours[0] if ours else "(outside the project)"] += 1
print(f"{total} samples")
print("  library:  " + ", ".join(f"{lib} {count * 100 / total:.0f}%" for lib, count in libraries.most_common(8)))
print("  called from:")
for name, count in callers.most_common(8):
    print(f"    {count * 100 / total:4.1f}% {name}")
