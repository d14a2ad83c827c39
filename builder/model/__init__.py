"""The model: the entities of a timeline (actors, articles, events, places, relations), EDTF dates and the
resolved site, and the readers that make each entity from its fields."""
