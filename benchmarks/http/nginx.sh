# Shared by run.sh and syscalls.sh: writes and starts one nginx (1 worker) with the given server
# blocks, and the origin + peer configuration both benchmarks measure against. Needs $OUT.
nginx_conf() {  # name, server blocks
    cat > "$OUT/$1.conf" <<CONF
worker_processes 1;
daemon on;
pid $OUT/$1.pid;
error_log $OUT/$1.error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    default_type text/plain;
    client_body_temp_path $OUT/tmp-$1; proxy_temp_path $OUT/tmp-$1; fastcgi_temp_path $OUT/tmp-$1;
    uwsgi_temp_path $OUT/tmp-$1; scgi_temp_path $OUT/tmp-$1;
    $2
}
CONF
    mkdir -p "$OUT/tmp-$1"
    nginx -p "$OUT" -c "$OUT/$1.conf"
}
