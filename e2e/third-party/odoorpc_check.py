"""Drive Debian's python3-odoorpc (unchanged) against an Odoo server and print what it saw as JSON.

Usage: /usr/bin/python3 e2e/third-party/odoorpc_check.py URL DB LOGIN PASSWORD
odoorpc logs in through /web/session/authenticate, then calls /jsonrpc with the password.
"""
import json
import sys
from urllib.parse import urlparse

import odoorpc


def main():
    url, db, login, password = sys.argv[1:5]
    parsed = urlparse(url)
    odoo = odoorpc.ODOO(parsed.hostname, protocol="jsonrpc", port=parsed.port)
    out = {"version": odoo.version}
    odoo.login(db, login, password)
    out["uid"] = odoo.env.uid
    out["context"] = odoo.env.context
    out["model_exists"] = "res.partner" in odoo.env
    out["missing_model_exists"] = "x_no.such.model" in odoo.env
    partner = odoo.env["res.partner"]
    domain = [("customer_rank", ">", 0)]
    out["search_read"] = odoo.execute_kw(
        "res.partner", "search_read", [domain], {"fields": ["name", "country_id"], "order": "id asc"}
    )
    out["search_count"] = partner.search_count(domain)
    ids = partner.search(domain, order="id asc", limit=2)
    out["read"] = partner.read(ids, ["name", "email"])
    out["browse_names"] = [record.name for record in partner.browse(ids)]
    try:
        odoo.execute_kw("x_no.such.model", "search", [[]])
    except odoorpc.error.RPCError as error:
        out["missing_model_error"] = str(error)
    try:
        odoorpc.ODOO(parsed.hostname, protocol="jsonrpc", port=parsed.port).login(db, login, password + "-wrong")
        out["bad_password_error"] = None
    except odoorpc.error.RPCError as error:
        out["bad_password_error"] = str(error)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
