"""What the package ships. pyproject.toml holds the metadata; this is here because pyproject.toml
cannot map folders outside ``builder/`` into it: the repository keeps ``theme/`` (the plugin's
Material overrides) and ``content/`` (the annotated seed, for ``python -m builder init --example``)
at the top level, and the package carries them as ``builder/theme`` and ``builder/example``.
Every folder of data is declared as a package, so setuptools warns of none."""

from setuptools import find_namespace_packages, setup

SHIPPED = {"builder.theme": "theme", "builder.example": "content"}
shipped = [f"{package}.{sub}" if sub else package
           for package, folder in SHIPPED.items() for sub in ["", *find_namespace_packages(where=folder)]]

setup(
    packages=[*find_namespace_packages(include=["builder*"]), *shipped],
    package_dir=SHIPPED,
    package_data={
        "builder.render": ["templates/*.md"],
        "builder.render.figures": ["data/*.gz", "data/README.md"],
        "builder.render.i18n": ["*.yml"],  # the translation table
        "builder.authoring": ["templates/*.md", "templates/new/*.md", "templates/init/*", "schemas/*.schema.json"],
        "builder.plugin": ["templates/*.html"],
        **{package: ["*"] for package in shipped},
    },
)
