#!/bin/bash
# Starts mongod of the production compose file: replica set rs0 with its key file (members authenticate each other),
# authorization on, TLS required. mongod refuses a key file others may read, and compose mounts secrets as they are on
# the host, so the key file and the server key are copied where only mongodb reads them.
set -euo pipefail
private=/etc/caseflow-mongo
install -d -m 700 -o mongodb -g mongodb "$private"
install -m 400 -o mongodb -g mongodb /run/secrets/mongo-keyfile "$private/keyfile"
install -m 400 -o mongodb -g mongodb /run/secrets/mongo.pem "$private/mongo.pem"
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --auth --keyFile "$private/keyfile" \
  --tlsMode requireTLS --tlsCertificateKeyFile "$private/mongo.pem" --tlsCAFile /run/secrets/caseflow-ca.crt \
  --tlsAllowConnectionsWithoutCertificates
