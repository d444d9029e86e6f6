#!/usr/bin/env bash
# Makes the sample files of this folder from the NannyML synthetic car loan dataset (MIT licence,
# see README.md here). Usage: samples/car-loan/make-samples.sh DIR_WITH_THE_TWO_NANNYML_CSV_FILES
#
# reference.csv       rows 1-5000 of the reference period (what the model was validated on)
# current-stable.csv  rows 1-5000 of the monitoring period, before the shift (expect: skip)
# current.csv         rows 30001-35000 of the monitoring period, after the shift at row 25000
set -euo pipefail
src=${1:?give the folder that holds synthetic_car_loan_reference.csv and synthetic_car_loan_monitoring.csv}
here=$(cd "$(dirname "$0")" && pwd)
ref="$src/synthetic_car_loan_reference.csv"
mon="$src/synthetic_car_loan_monitoring.csv"
head -n 5001 "$ref" > "$here/reference.csv"
head -n 5001 "$mon" > "$here/current-stable.csv"
{ head -n 1 "$mon"; sed -n '30002,35001p' "$mon"; } > "$here/current.csv"
wc -l "$here"/*.csv
