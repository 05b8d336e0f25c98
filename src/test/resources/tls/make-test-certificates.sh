#!/usr/bin/env bash
# Makes the test-only TLS files in this folder with the JDK's keytool (run it from here):
#   (ca.p12     a test CA, "Plugboard Test CA", made and deleted again: only its certificate is kept)
#   server.p12  a key and a certificate for "localhost" signed by that CA (what the test servers present)
#   trust.p12   the CA's certificate alone: the trust store an operator would configure
#   expired.p12 a key and a certificate for "localhost" signed by that CA that expired long ago (valid for
#               two days, a year before this script ran)
# Password of all: changeit. Valid for 100 years from a year before this script ran (so a clock a little
# behind does not find them not yet valid). Never use them outside tests.
set -euo pipefail
rm -f ca.p12 server.p12 trust.p12 expired.p12 ca.pem server.csr server.pem expired.csr expired.pem
pass=changeit
keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=Plugboard Test CA" \
    -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign -startdate -1y -validity 36500 \
    -keystore ca.p12 -storetype PKCS12 -storepass "$pass"
keytool -exportcert -alias ca -keystore ca.p12 -storepass "$pass" -rfc -file ca.pem
keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname "CN=localhost" -validity 36500 \
    -keystore server.p12 -storetype PKCS12 -storepass "$pass"
keytool -certreq -alias server -keystore server.p12 -storepass "$pass" -file server.csr
keytool -gencert -alias ca -keystore ca.p12 -storepass "$pass" -infile server.csr -outfile server.pem -rfc \
    -startdate -1y -validity 36500 -ext SAN=dns:localhost -ext eku=serverAuth -ext ku:c=digitalSignature
keytool -importcert -alias ca -keystore server.p12 -storepass "$pass" -file ca.pem -noprompt
keytool -importcert -alias server -keystore server.p12 -storepass "$pass" -file server.pem
keytool -importcert -alias plugboard-test-ca -keystore trust.p12 -storetype PKCS12 -storepass "$pass" \
    -file ca.pem -noprompt
keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname "CN=localhost" -validity 36500 \
    -keystore expired.p12 -storetype PKCS12 -storepass "$pass"
keytool -certreq -alias server -keystore expired.p12 -storepass "$pass" -file expired.csr
keytool -gencert -alias ca -keystore ca.p12 -storepass "$pass" -infile expired.csr -outfile expired.pem -rfc \
    -startdate -1y -validity 2 -ext SAN=dns:localhost -ext eku=serverAuth -ext ku:c=digitalSignature
keytool -importcert -alias ca -keystore expired.p12 -storepass "$pass" -file ca.pem -noprompt
keytool -importcert -alias server -keystore expired.p12 -storepass "$pass" -file expired.pem
rm -f ca.pem server.csr server.pem expired.csr expired.pem ca.p12  # the CA key is not needed once both are signed
