"""`briefing-gen add`: pages and feeds fetched from the web and saved into the articles folder,
with every read bounded in time and size. Building never uses the network."""
