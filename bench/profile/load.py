#!/usr/bin/env python3
"""Registers N units of region 01 and sends each a complete alf-usve questionnaire (draft + submit) through
survey-service of the local run, from C client threads. Prints what was accepted and how fast."""
import concurrent.futures as cf
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

N, PREFIX, CONC = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KC = "http://localhost:8180/realms/alf-monitor/protocol/openid-connect/token"
SURVEY = "http://localhost:8081"


def token(form):
    with urllib.request.urlopen(KC, data=urllib.parse.urlencode(form).encode()) as r:
        return json.load(r)["access_token"]


def call(method, url, bearer, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


admin = token(dict(grant_type="password", client_id="dashboard", username="admin", password="admin-demo"))
reporter = token(dict(grant_type="client_credentials", client_id="region-01", client_secret="region-01-secret"))
with open(os.path.join(ROOT, "survey-service/src/test/resources/fixtures/alf-usve-2021-complete.json")) as f:
    answers = json.load(f)
units = [f"{PREFIX}{i}" for i in range(N)]
for unit in units:
    status = call("PUT", f"{SURVEY}/api/units/{unit}", admin,
                  dict(name="Profilenhet " + unit, regionCode="01", directPatientContact=True, designatedYear=2016))
    assert status in (200, 201), status
print("units registered", flush=True)
# the caller snapshots CPU times when this line appears
sys.stdout.write("START\n")
sys.stdout.flush()
time.sleep(1)
started = time.time()


def submit(unit):
    sid = str(uuid.uuid4())
    draft = call("PUT", f"{SURVEY}/api/submissions/{sid}", reporter,
                 dict(campaignId="alf-2018-2021", unitId=unit, answers=answers))
    sent = call("POST", f"{SURVEY}/api/submissions/{sid}/submit", reporter)
    return draft == 201 and sent == 200


with cf.ThreadPoolExecutor(CONC) as pool:
    accepted = sum(pool.map(submit, units))
took = time.time() - started
print(f"accepted {accepted} of {N} in {took:.1f} s ({N / took:.1f}/s)")
