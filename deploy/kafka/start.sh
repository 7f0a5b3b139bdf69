#!/bin/bash
# Starts the broker of the production compose file: the configuration of deploy/kafka/server.properties plus the
# broker's own SCRAM login from the compose secret (written inside the container only), the storage formatted on the
# first start with that SCRAM user (KRaft keeps SCRAM credentials in its metadata, so the first one is bootstrapped).
set -euo pipefail
secrets=/run/secrets
admin_password=$(cat "$secrets/kafka-admin.password")
config=/tmp/caseflow/server.properties
mkdir -p /tmp/caseflow
chmod 700 /tmp/caseflow
cp /deploy/kafka/server.properties "$config"
printf '%s\n' "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"kafka-admin\" password=\"$admin_password\";" >> "$config"
# the health check's and the tools' client configuration, inside this container
cat > /tmp/caseflow/admin.properties <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="kafka-admin" password="$admin_password";
ssl.truststore.type=PEM
ssl.truststore.location=$secrets/caseflow-ca.crt
PROPS
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$(cat "$secrets/kafka-cluster-id")" \
  --config "$config" --add-scram "SCRAM-SHA-512=[name=kafka-admin,password=$admin_password]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
