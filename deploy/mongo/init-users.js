// Run once by the mongo image on an empty data directory (docker-entrypoint-initdb.d), as the root user: one user per
// service, readWrite on its own database only — a leaked intake password reads nothing of routing's. The passwords
// come from the compose secrets mongo-<service>.password (deploy/make-secrets.sh).
const fs = require('fs');
const services = {
  'intake-service': 'intake',
  'routing-service': 'routing',
  'followup-service': 'followup',
  'evaluation-service': 'evaluation',
};
for (const [user, database] of Object.entries(services)) {
  const pwd = fs.readFileSync(`/run/secrets/mongo-${user}.password`, 'utf8').trim();
  db.getSiblingDB(database).createUser({ user, pwd, roles: [{ role: 'readWrite', db: database }] });
  print(`user ${user}: readWrite on ${database}`);
}
