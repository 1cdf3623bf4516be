"""The national Data Security and Protection Toolkit, which keeps the official record, and how we name ours beside it.

A status published on this service is the provider's own self-assessment, kept here. It is not the national
toolkit's record: a provider publishes there as well, and anyone checking a provider should look there. Every place
that shows a status (the public pages, the CSV, the JSON API, the badge, the PDF report, the emails) says so with
these words and links.
"""

# The national toolkit's own site, and its public search of organisations' official statuses.
HOME_URL = "https://www.dsptoolkit.nhs.uk/"
SEARCH_URL = "https://www.dsptoolkit.nhs.uk/OrganisationSearch"

# How every published status here is described: the provider assessed itself and published on this service.
SELF_ASSESSED = "self-assessed on this service"
