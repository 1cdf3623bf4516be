"""Information Asset Register (DSPT 1.1.2, 1.4.1, 4.1.2, 7.1.1)."""

from dspt.registers.models import InformationAsset
from dspt.registers.spec import RegisterSpec

INFORMATION_ASSETS = RegisterSpec(
    slug="information-assets",
    name="Information Asset Register",
    entry_name="information asset",
    purpose="What information you hold, where it is, whose it is and who looks after it",
    help_text="List each place your organisation keeps personal data: paper files, digital files, the systems and "
    "apps you use and the devices they run on. Say who owns each one, who can see it, how long you keep it and what "
    "could go wrong.",
    model=InformationAsset,
    fields=(
        "name",
        "asset_type",
        "owner",
        "location",
        "personal_data",
        "data_subjects",
        "special_category",
        "data_format",
        "volume",
        "access",
        "retention",
        "disposal",
        "risks",
        "last_reviewed",
    ),
    list_columns=("asset_type", "owner", "location", "last_reviewed"),
    search_fields=("name", "owner", "location", "personal_data", "data_subjects", "access"),
    filters=("asset_type", "special_category"),
    evidences=("1.1.2", "1.4.1", "4.1.2", "7.1.1"),
    order=10,
    labels={
        "name": "Asset name",
        "asset_type": "What kind of asset is it?",
        "personal_data": "What personal data does it hold?",
        "data_subjects": "Whose data is it?",
        "special_category": "Does it hold special category data?",
        "access": "Who can access it?",
        "risks": "Risks and what you do about them",
    },
    choice_hints={
        "asset_type": {
            InformationAsset.PAPER: "Care files, folders, notebooks, printed rotas",
            InformationAsset.DIGITAL: "Documents and spreadsheets on a computer or shared drive",
            InformationAsset.SYSTEM: "A care planning, medication, rostering or payroll system",
            InformationAsset.DEVICE: "A computer, laptop, tablet or phone",
        }
    },
    examples={
        "name": "Care plans",
        "asset_type": "Paper",
        "owner": "Registered manager",
        "location": "Locked cabinet in the office",
        "personal_data": "Names, addresses, care needs, medication",
        "data_subjects": "People we support",
        "special_category": "Yes",
        "data_format": "Paper files",
        "volume": "About 40 files",
        "access": "Care staff on shift, the registered manager",
        "retention": "8 years after care ends",
        "disposal": "Shredded on site",
        "risks": "Left out in a shared area: kept locked when not in use",
        "last_reviewed": "27/03/2026",
    },
)
