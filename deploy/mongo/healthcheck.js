// The compose health check of mongo: as root (its password from the compose secret), initiates the single-member
// replica set on the first start; healthy once this member is primary.
const fs = require('fs');
db.getSiblingDB('admin').auth('root', fs.readFileSync('/run/secrets/mongo-root.password', 'utf8').trim());
try {
  if (rs.status().myState !== 1) quit(1);
} catch (e) {
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
  quit(1);
}
