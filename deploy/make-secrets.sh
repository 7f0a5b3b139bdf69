#!/usr/bin/env bash
# Makes everything the production compose file reads through `secrets:` into deploy/secrets/ (git-ignored): a
# private CA, the Kafka broker's and MongoDB's TLS keys and certificates, the MongoDB replica-set key file, one Kafka
# SCRAM password and one MongoDB password per service, and the application secrets. An existing file is kept, so the
# script can run again after a new service or secret was added; delete a file (and see "Rotation" in
# docs/operations.md) to renew it. Needs openssl; keytool (any JDK) only checks the CA certificate.
#
#   deploy/make-secrets.sh            # into deploy/secrets
#   deploy/make-secrets.sh DIR        # elsewhere (then point CASEFLOW_SECRETS_DIR at it for compose)
set -euo pipefail

dir=${1:-$(dirname "$0")/secrets}
umask 077
mkdir -p "$dir"
chmod 700 "$dir"
cd "$dir"

random() { openssl rand -hex "${1:-32}"; }

# a value of its own in a file of its own, unless it is there already
secret() {
  local file=$1 value=$2
  if [ ! -s "$file" ]; then
    printf '%s' "$value" > "$file"
    echo "made $file"
  fi
}

# -- the private certificate authority that signs the broker's and MongoDB's certificates --------------------------
if [ ! -s caseflow-ca.key ]; then
  openssl req -x509 -newkey rsa:4096 -sha256 -days 1825 -nodes -subj "/CN=CaseFlow internal CA" \
    -keyout caseflow-ca.key -out caseflow-ca.crt 2>/dev/null
  echo "made caseflow-ca.crt (CA key: caseflow-ca.key — keep it offline after this run)"
fi

# server certificate for a host name: <name>.key, <name>.crt and <name>.pem (key and chain, what the servers read)
server_cert() {
  local name=$1 san=$2
  if [ -s "$name.pem" ]; then
    return
  fi
  openssl req -newkey rsa:2048 -sha256 -nodes -subj "/CN=$name" -keyout "$name.key" -out "$name.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\n' "$san" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA caseflow-ca.crt -CAkey caseflow-ca.key -CAcreateserial -days 825 \
    -sha256 -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  # PKCS#8 unencrypted key first, then the certificate and the CA: Kafka's PEM key store and mongod both read this
  openssl pkcs8 -topk8 -nocrypt -in "$name.key" -out "$name.pk8"
  cat "$name.pk8" "$name.crt" caseflow-ca.crt > "$name.pem"
  rm -f "$name.csr" "$name.ext" "$name.pk8" "$name.key"
  echo "made $name.pem"
}
server_cert kafka "DNS:kafka,DNS:localhost"
server_cert mongo "DNS:mongo,DNS:localhost"

# -- Kafka: the cluster id, the broker's own principal, one SCRAM password per service -----------------------------
secret kafka-cluster-id "$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=\n')"
secret kafka-admin.password "$(random)"
for service in intake-service routing-service followup-service evaluation-service console; do
  secret "kafka-$service.password" "$(random)"
done

# -- MongoDB: the replica set's key file, the root user, one user per service -------------------------------------
secret mongo-keyfile "$(openssl rand -base64 756 | tr -d '\n')"
secret mongo-root.password "$(random)"
for service in intake-service routing-service followup-service evaluation-service; do
  secret "mongo-$service.password" "$(random)"
done

# -- the applications' secrets ------------------------------------------------------------------------------------
secret audit-customer-key "$(random)"
secret customer-key-secret "$(random)"
# the sealing key of customers' fields on the topics (AES-256: 32 random bytes, base64) and the id that seals with it;
# rotate by adding events-sealing-key-k2 (see docs pii-on-kafka), never by overwriting k1
secret events-sealing-current "k1"
secret events-sealing-key-k1 "$(openssl rand -base64 32 | tr -d '\n')"
secret customer-token-secret "$(random)"
secret services-secret "$(random 16)"
secret console-secret "$(random 16)"
secret phone-secret "$(random)"
secret sms-secret "$(random)"
secret webhook-secret "$(random)"
# customer service's group robots, seeded into follow-up on its first start: paste the URLs (and DingTalk's SEC…
# secret) that WeCom and DingTalk show; left empty, no robot (administrators add them later in the console, 通知渠道)
for file in robot-customer-service-wecom-url robot-customer-service-dingtalk-url \
    robot-customer-service-dingtalk-secret; do
  [ -e "$file" ] || : > "$file"
done

# The containers run as their own users (Kafka's appuser, the services' caseflow, mongod's mongodb) and compose mounts
# these files as they are on the host: readable to the containers, the directory itself closed to everyone else.
chmod 644 ./*
chmod 600 caseflow-ca.key caseflow-ca.srl 2>/dev/null || true
if command -v keytool > /dev/null; then
  keytool -printcert -file caseflow-ca.crt | sed -n '1,3p'
fi
echo "secrets in $(pwd); hand the phone platform phone-secret and the SMS gateway sms-secret, the notification" \
  "gateway webhook-secret, and trust caseflow-ca.crt where a client must reach Kafka or MongoDB"
