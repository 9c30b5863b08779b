# Copy to broadsheet-backends.vcl beside broadsheet.vcl (or anywhere on vcl_path), one backend per
# Broadsheet instance.
backend instance_1 {
  .host = "10.0.0.11";
  .port = "3000";
  .connect_timeout = 1s;
  # A page never rendered before may wait for WordPress (WORDPRESS_TIMEOUT_MS and a margin).
  .first_byte_timeout = 15s;
  .probe = broadsheet_health;
}

backend instance_2 {
  .host = "10.0.0.12";
  .port = "3000";
  .connect_timeout = 1s;
  .first_byte_timeout = 15s;
  .probe = broadsheet_health;
}

sub vcl_init {
  broadsheet.add_backend(instance_1);
  broadsheet.add_backend(instance_2);
}
