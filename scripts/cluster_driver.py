#!/usr/bin/env python3
"""Drives offboardings through two nodes of one cluster, kills one node in the middle of an access
removal, and checks that every journey still completes on the other (see cluster-test.sh).

Users act as they do in production: resellers over /api with bearer tokens (client credentials from
the embedded authorization server of either node: every node signs with the same key and names the
same issuer), sales and finance over /engine-rest as Tasklist submits forms, every request to a node of the cluster in turn (no session affinity: the API
and engine-rest are stateless). The database is read with psql for the checks only.
"""
import argparse
import base64
import email.parser
import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict

PROCESS = "masterPayerOffboarding"
OUTCOMES = {
    "Task_ReviewRequest": {"approved": True},
    "Task_CountersignCta": {"ctaAccepted": True},
    "Task_HandOverBilling": {"billingHandedOver": True, "taxSettingsUpdated": True, "contactsUpdated": True},
    "Task_ConfirmPaymentClearance": {"paymentCleared": True},
    "Task_ApproveRemovalPlan": {"planApproved": True},
    "Task_RemoveAccessManually": {"accessRemoved": True, "notes": "removed by hand"},
}


class Node:
    def __init__(self, spec):
        self.name, self.url, pid = spec.split("=")
        self.pid = int(pid)
        self.alive = True


RESELLER_CLIENTS = {"acme", "globex"}  # the demo API clients, secret = client id


class Cluster:
    def __init__(self, nodes):
        self.nodes = nodes
        self.turn = 0
        self.tokens = {}  # client id -> (token, renew after)

    def token(self, client):
        """A token of the reseller's client from a live node, fetched again a minute before it expires."""
        cached = self.tokens.get(client)
        if cached and time.time() < cached[1]:
            return cached[0]
        last_error = None
        for node in self.live():
            request = urllib.request.Request(node.url + "/oauth2/token", data=b"grant_type=client_credentials", method="POST")
            request.add_header("Authorization", "Basic " + base64.b64encode(f"{client}:{client}".encode()).decode())
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    answer = json.loads(response.read())
                    self.tokens[client] = (answer["access_token"], time.time() + answer["expires_in"] - 60)
                    return answer["access_token"]
            except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
                last_error = e
        raise RuntimeError(f"no node issued a token for {client}: {last_error}")

    def live(self):
        return [node for node in self.nodes if node.alive]

    def call(self, user, method, path, body=None, content_type="application/json", raw=False):
        """One request to the next live node; a node that does not answer is skipped."""
        last_error = None
        for _ in range(len(self.nodes) * 2):
            live = self.live()
            node = live[self.turn % len(live)]
            self.turn += 1
            data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
            request = urllib.request.Request(node.url + path, data=data, method=method)
            if user in RESELLER_CLIENTS:
                request.add_header("Authorization", "Bearer " + self.token(user))
            else:
                request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode())
            if data is not None:
                request.add_header("Content-Type", content_type)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    payload = response.read()
                    return response.status, (payload if raw else (json.loads(payload) if payload else None))
            except urllib.error.HTTPError as e:
                return e.code, e.read().decode(errors="replace")
            except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
                last_error = e  # the node is gone or going: the next one
        raise RuntimeError(f"no node answered {method} {path}: {last_error}")


def sql(database, query):
    for attempt in range(5):
        run = subprocess.run(["psql", "-qtA", "-F", "\t", "-d", database, "-c", query], capture_output=True, text=True)
        if run.returncode == 0:
            return [line.split("\t") for line in run.stdout.splitlines() if line]
        time.sleep(1)  # say, no connection slot free for a moment
    raise RuntimeError(f"psql failed: {run.stderr.strip()}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--journeys", type=int, default=8)
    parser.add_argument("--database", required=True)
    parser.add_argument("--mail", required=True)
    parser.add_argument("--node", action="append", required=True, help="name=url=pid")
    parser.add_argument("--victim", required=True)
    parser.add_argument("--lock-ms", type=int, default=20000)
    parser.add_argument("--timeout", type=int, default=240)
    args = parser.parse_args()
    cluster = Cluster([Node(spec) for spec in args.node])
    victim = next(node for node in cluster.nodes if node.name == args.victim)
    db = args.database
    problems = []

    # 1. resellers start their offboardings, through both nodes
    journeys = {}
    for i in range(args.journeys):
        reseller = "acme" if i % 2 == 0 else "globex"
        payer = str(random.randint(10**11, 10**12 - 1))
        # an administrator registers the payer account to the reseller first (the payer registry)
        status, body = cluster.call("admin", "POST", "/api/admin/payer-accounts", {
            "accountId": payer, "resellerId": reseller.upper(), "name": f"Cluster test payer {payer}"})
        if status != 201:
            print(f"FAIL: registering payer {payer} answered {status}: {body}")
            return 1
        status, body = cluster.call(reseller, "POST", "/api/offboardings", {
            "payerAccountId": payer,
            "reason": "Cluster test", "contactEmail": f"ops@{reseller}.example",
            "newResponsibleParty": {"name": "Contoso", "email": "billing@contoso.example", "kind": "DISTRIBUTOR"}})
        if status != 201:
            print(f"FAIL: start answered {status}: {body}")
            return 1
        journeys[body["id"]] = reseller
    print(f"started {len(journeys)} journeys through {', '.join(n.name for n in cluster.nodes)}")

    # 2. everyone acts until all are completed; the victim dies while it removes access
    killed_during = None
    killed_at = None
    deadline = time.time() + args.timeout
    uploaded = set()
    while True:
        done = sql(db, "select count(*) from offboarding where status = 'COMPLETED'")[0][0]
        if int(done) == len(journeys):
            break
        if time.time() > deadline:
            problems.append(f"only {done} of {len(journeys)} journeys completed within {args.timeout} s")
            break
        if victim.alive:
            # a removal the victim holds the lock of and has already changed the payer account for
            held = sql(db, f"""
                select o.id, count(c.id) from act_ru_job j
                join act_ru_jobdef d on d.id_ = j.job_def_id_
                join offboarding o on o.process_instance_id = j.process_instance_id_
                join access_cleanup_call c on c.offboarding_id = o.id
                where j.lock_owner_ = '{victim.name}' and j.lock_exp_time_ > now()
                  and d.act_id_ = 'ServiceTask_RemoveDistributorAccess'
                group by o.id""")
            if held:
                killed_at = sql(db, "select now()")[0][0]
                os.kill(victim.pid, signal.SIGKILL)
                victim.alive = False
                killed_during = held
                print(f"SIGKILL {victim.name} (pid {victim.pid}) while it removed access for "
                      + ", ".join(f"{oid} ({calls} IAM changes made)" for oid, calls in held))
        for user in ("sales", "finance"):
            status, tasks = cluster.call(user, "GET", f"/engine-rest/task?processDefinitionKey={PROCESS}")
            if status != 200:
                continue
            for task in tasks:
                if task["taskDefinitionKey"] not in OUTCOMES:
                    continue
                cluster.call(user, "POST", f"/engine-rest/task/{task['id']}/claim", {"userId": user})
                variables = {k: {"value": v} for k, v in OUTCOMES[task["taskDefinitionKey"]].items()}
                cluster.call(user, "POST", f"/engine-rest/task/{task['id']}/submit-form", {"variables": variables})
        for oid, reseller in journeys.items():
            if oid in uploaded:
                continue
            status, view = cluster.call(reseller, "GET", f"/api/offboardings/{oid}")
            if status == 200 and any(a["action"] == "UPLOAD_SIGNED_CTA" for a in view.get("openActions", [])):
                status, pdf = cluster.call(reseller, "GET", f"/api/offboardings/{oid}/cta", raw=True)
                # the CTA as issued stands in for the signed copy: a readable PDF is all the upload needs
                status, _ = cluster.call(reseller, "PUT", f"/api/offboardings/{oid}/cta/signed", pdf, "application/pdf")
                if status == 202:
                    uploaded.add(oid)
        time.sleep(0.3)

    # 3. the checks
    if killed_during is None:
        problems.append(f"{victim.name} never held a lock on an access removal in progress: the kill did not land")
    ids = ",".join(f"'{oid}'" for oid in journeys)
    statuses = Counter(s for (s,) in sql(db, f"select status from offboarding where id in ({ids})"))
    removals = Counter(s for (s,) in sql(db, f"select status from access_cleanup where offboarding_id in ({ids})"))
    if statuses.get("COMPLETED", 0) != len(journeys):
        problems.append(f"offboardings by status: {dict(statuses)}")
    if removals.get("VERIFIED", 0) != len(journeys):
        problems.append(f"access removals by status: {dict(removals)} (every one must be VERIFIED)")
    incidents = sql(db, "select count(*) from act_hi_incident")[0][0]
    # every node deployed on start-up; duplicate filtering must have left one version of each
    versions = sql(db, "select count(*), count(distinct deployment_id_) from act_re_procdef")[0]
    if versions != ["1", "1"]:
        problems.append(f"process definitions / deployments after two nodes started: {versions}")
    if incidents != "0":
        problems.append(f"{incidents} incidents")
    owners = dict(sql(db, "select coalesce(lock_owner_, '-'), count(*) from act_ru_job group by 1"))

    # IAM changes: per offboarding and call, at most one DONE; a repeat may only find it ALREADY_GONE
    calls = sql(db, "select offboarding_id, entity, action, subject, outcome from access_cleanup_call "
                    f"where offboarding_id in ({ids})")
    per_call = defaultdict(Counter)
    for oid, entity, action, subject, outcome in calls:
        per_call[(oid, entity, action, subject)][outcome] += 1
    repeated = {key: c for key, c in per_call.items() if sum(c.values()) > 1}
    conflicting = {key: c for key, c in per_call.items() if c["DONE"] > 1 or c["FAILED"] > 0}
    for (oid, entity, action, subject), c in conflicting.items():
        problems.append(f"IAM call {action} {subject} on {entity} of {oid}: {dict(c)}")
    # the removals the kill interrupted: what node A did before, what node B did after
    interrupted = {oid for oid, _ in killed_during or []}
    before = after = gone = 0
    if interrupted:
        for oid, at, outcome in sql(db, f"select offboarding_id, called_at > '{killed_at}', outcome "
                                        f"from access_cleanup_call where offboarding_id in ({ids})"):
            if oid in interrupted:
                after += at == "t"
                before += at == "f"
                gone += outcome == "ALREADY_GONE"

    # Mails: sent_mail records each mail once, in the transaction of the job that sent it; delivery is
    # at least once (a node that dies after delivering, before committing, delivers again from the
    # other node) with the same Message-ID, by which mail clients and archives drop the repeat.
    recorded = sql(db, f"select offboarding_id, notification, message_id from sent_mail where offboarding_id in ({ids})")
    kinds = defaultdict(Counter)
    for oid, notification, _ in recorded:
        kinds[oid][notification] += 1
    for oid, c in kinds.items():
        twice = [n for n, k in c.items() if k > 1]
        if twice:
            problems.append(f"mails recorded twice for {oid}: {twice}")
    shapes = Counter(tuple(sorted(c)) for c in kinds.values())
    if len(kinds) != len(journeys) or len(shapes) != 1:
        problems.append(f"journeys do not have the same mails: {dict(shapes)}")
    delivered = Counter()
    headers = email.parser.BytesHeaderParser()
    for name in os.listdir(args.mail) if os.path.isdir(args.mail) else []:
        if name.endswith(".eml"):
            with open(os.path.join(args.mail, name), "rb") as f:
                delivered[headers.parse(f)["Message-ID"]] += 1
    lost = [m for (_, _, m) in recorded if delivered[m] == 0]
    recorded_ids = {m for (_, _, m) in recorded}
    strays = [m for m in delivered if m not in recorded_ids]
    repeats = sum(k - 1 for m, k in delivered.items() if m in recorded_ids and k > 1)
    if lost:
        problems.append(f"{len(lost)} recorded mails never delivered: {lost[:3]}")
    # every attempt of a send job uses the job's Message-ID, so a repeat carries a recorded one
    if strays:
        problems.append(f"{len(strays)} delivered mails with a Message-ID that no record names: {strays[:3]}")

    print()
    print(f"journeys          {len(journeys)} started through {len(cluster.nodes)} nodes; by status {dict(statuses)}")
    print(f"access removals   {dict(removals)}; {len(interrupted)} interrupted by the kill: {before} IAM changes "
          f"by {victim.name} before it, {after} by the survivor after it ({gone} found ALREADY_GONE)")
    print(f"IAM change calls  {len(calls)} recorded, {len(repeated)} made twice (the repeat found the change done), "
          f"{len(conflicting)} conflicting")
    print(f"mails             {len(recorded)} recorded ({len(shapes) and len(next(iter(shapes)))} kinds per journey), "
          f"{sum(delivered.values())} files delivered: {len(lost)} lost, {repeats} repeated with the same Message-ID, "
          f"{len(strays)} without a record")
    print(f"incidents         {incidents}; process versions deployed {versions[0]}; jobs left by lock owner: {owners or 'none'}")
    if problems:
        print("FAIL")
        for problem in problems:
            print("  - " + problem)
        return 1
    print(f"PASS: every journey completed on the surviving node after {victim.name} was killed mid-removal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
